/**
 * The sidebar's conversation list, its search, and the changes made from it
 * (rename, pin, delete). A delete waits UNDO_MS behind an Undo toast before it
 * is sent: until then the conversation is only hidden, so Undo loses nothing.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConversationSummary, SearchHit } from '../../../shared/chat.js';
import type { CallArgs } from '../../../shared/contract/index.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';
import { forgetDraft } from '../lib/drafts.js';

export const UNDO_MS = 6000;

export type ConversationPatch = Omit<CallArgs<'conversations.update'>, 'id'>;

export interface ConversationsState {
  list: ConversationSummary[];
  error?: string;
  query: string;
  hits: SearchHit[];
  searchError?: string;
  refresh(): Promise<void>;
  /** Hides it now and deletes it once the undo time is over (an earlier pending delete goes through at once). */
  remove(id: string, wasOpen?: boolean): void;
  /** The conversation deleted last, while it can still be brought back, and whether it was the open one. */
  pendingDelete?: ConversationSummary & { wasOpen: boolean };
  /** Brings the pending one back; undefined when there was none. */
  undoDelete(): { id: string; wasOpen: boolean } | undefined;
  /** Sends the pending delete now (the undo time ran out, or the window is closing). */
  commitDelete(): Promise<boolean>;
  update(id: string, patch: ConversationPatch): Promise<boolean>;
  /** A conversation changed in main (a generated title, a change from another window). */
  onUpdated(conversation: ConversationSummary): void;
  search(query: string): Promise<void>;
}

export type ConversationsStore = StoreApi<ConversationsState>;

const newestFirst = (list: ConversationSummary[]) => [...list].sort((a, b) => b.updatedAt - a.updatedAt);

export function createConversationsStore(client: Pick<Client, 'call'>, undoMs = UNDO_MS): ConversationsStore {
  let searchSeq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return createStore<ConversationsState>()((set, get) => {
    const hidden = (id: string) => get().pendingDelete?.id === id;
    return {
      list: [],
      query: '',
      hits: [],
      async refresh() {
        try {
          const list = await client.call('conversations.list', {});
          set({ list: newestFirst(list.filter((c) => !hidden(c.id))), error: undefined });
        } catch (error) {
          set({ error: errorText(error) });
        }
      },
      remove(id, wasOpen = false) {
        const conversation = get().list.find((c) => c.id === id);
        if (!conversation) return;
        if (get().pendingDelete) void get().commitDelete();
        set((s) => ({ pendingDelete: { ...conversation, wasOpen }, list: s.list.filter((c) => c.id !== id), hits: s.hits.filter((h) => h.conversationId !== id) }));
        timer = setTimeout(() => void get().commitDelete(), undoMs);
      },
      undoDelete() {
        const pending = get().pendingDelete;
        if (!pending) return undefined;
        stopTimer();
        const { wasOpen, ...conversation } = pending;
        set((s) => ({ pendingDelete: undefined, list: newestFirst([...s.list, conversation]) }));
        return { id: conversation.id, wasOpen };
      },
      async commitDelete() {
        const pending = get().pendingDelete;
        if (!pending) return false;
        const { wasOpen: _, ...conversation } = pending;
        stopTimer();
        set({ pendingDelete: undefined });
        try {
          await client.call('conversations.delete', { id: conversation.id });
          forgetDraft(conversation.id);
          return true;
        } catch (error) {
          // Not deleted after all: it comes back, with the reason.
          set((s) => ({ list: newestFirst([...s.list.filter((c) => c.id !== conversation.id), conversation]), error: `Could not delete “${conversation.title}”: ${errorText(error)}` }));
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
        if (hidden(conversation.id)) return;
        // A chat created moments ago may not be listed yet: it is added, not dropped.
        set((s) => ({ list: newestFirst([...s.list.filter((c) => c.id !== conversation.id), conversation]), error: undefined }));
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
          if (seq === searchSeq) set({ hits: hits.filter((h) => !hidden(h.conversationId)) });
        } catch (error) {
          if (seq === searchSeq) set({ hits: [], searchError: errorText(error) });
        }
      },
    };
  });
}
