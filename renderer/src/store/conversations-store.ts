/** The sidebar's conversation list. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConversationSummary } from '../../../shared/chat.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';

export interface ConversationsState {
  list: ConversationSummary[];
  error?: string;
  refresh(): Promise<void>;
  remove(id: string): Promise<boolean>;
}

export type ConversationsStore = StoreApi<ConversationsState>;

export function createConversationsStore(client: Pick<Client, 'call'>): ConversationsStore {
  return createStore<ConversationsState>()((set, get) => ({
    list: [],
    async refresh() {
      try {
        const list = await client.call('conversations.list', {});
        set({ list: [...list].sort((a, b) => b.updatedAt - a.updatedAt), error: undefined });
      } catch (error) {
        set({ error: errorText(error) });
      }
    },
    async remove(id) {
      try {
        await client.call('conversations.delete', { id });
        await get().refresh();
        return true;
      } catch (error) {
        set({ error: errorText(error) });
        return false;
      }
    },
  }));
}
