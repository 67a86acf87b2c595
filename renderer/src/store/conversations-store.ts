/** The sidebar's conversation list, its search, and the changes made from it (rename, pin, delete). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConversationSummary, SearchHit } from '../../../shared/chat.js';
import type { CallArgs } from '../../../shared/contract/index.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';

export type ConversationPatch = Omit<CallArgs<'conversations.update'>, 'id'>;

export interface ConversationsState {
  list: ConversationSummary[];
  error?: string;
  query: string;
  hits: SearchHit[];
  searchError?: string;
  refresh(): Promise<void>;
  remove(id: string): Promise<boolean>;
  update(id: string, patch: ConversationPatch): Promise<boolean>;
  /** A conversation changed in main (a generated title, a change from another window). */
  onUpdated(conversation: ConversationSummary): void;
  search(query: string): Promise<void>;
}

export type ConversationsStore = StoreApi<ConversationsState>;

const newestFirst = (list: ConversationSummary[]) => [...list].sort((a, b) => b.updatedAt - a.updatedAt);

export function createConversationsStore(client: Pick<Client, 'call'>): ConversationsStore {
  let searchSeq = 0;
  return createStore<ConversationsState>()((set, get) => ({
    list: [],
    query: '',
    hits: [],
    async refresh() {
      try {
        const list = await client.call('conversations.list', {});
        set({ list: newestFirst(list), error: undefined });
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
    async update(id, patch) {
      try {
        get().onUpdated(await client.call('conversations.update', { id, ...patch }));
        return true;
      } catch (error) {
        set({ error: errorText(error) });
        return false;
      }
    },
    onUpdated(conversation) {
      set((s) => ({ list: newestFirst(s.list.map((c) => (c.id === conversation.id ? conversation : c))), error: undefined }));
    },
    async search(query) {
      const seq = ++searchSeq;
      set({ query, searchError: undefined });
      if (query.trim() === '') {
        set({ hits: [] });
        return;
      }
      try {
        const { hits } = await client.call('conversations.search', { query, limit: 50 });
        // Typing fast sends several searches; only the latest one's answer is shown.
        if (seq === searchSeq) set({ hits });
      } catch (error) {
        if (seq === searchSeq) set({ hits: [], searchError: errorText(error) });
      }
    },
  }));
}
