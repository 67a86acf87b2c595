/**
 * Compare mode: one question's answers from 2–4 targets, streaming side by side.
 * Each column is an ordinary answer under its own message id, so it takes the
 * same chat events; this store keeps only the columns of the compare on screen.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Message } from '../../../shared/chat.js';
import type { EventPayload } from '../../../shared/contract/index.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';

export interface CompareColumn {
  messageId: string;
  provider: string;
  model: string;
  text: string;
  status: Message['status'];
  startedAt: number;
  firstTextAt?: number;
  endedAt?: number;
  message?: Message;
}

export interface CompareState {
  conversationId?: string;
  compareId?: string;
  question?: string;
  columns: CompareColumn[];
  picked?: string;
  starting: boolean;
  error?: string;
  start(text: string, targets: { provider: string; model: string }[], conversationId?: string): Promise<boolean>;
  stop(messageId: string): Promise<void>;
  pick(messageId: string): Promise<boolean>;
  reset(): void;
  onDelta(e: EventPayload<'chat.delta'>): void;
  onFinal(message: Message): void;
}

export type CompareStore = StoreApi<CompareState>;

export function createCompareStore(client: Pick<Client, 'call'>, now: () => number = () => Date.now()): CompareStore {
  const change = (messageId: string, f: (c: CompareColumn) => CompareColumn) => (s: CompareState) => ({
    columns: s.columns.map((c) => (c.messageId === messageId ? f(c) : c)),
  });
  return createStore<CompareState>()((set, get) => ({
    columns: [],
    starting: false,
    async start(text, targets, conversationId) {
      set({ starting: true, error: undefined });
      try {
        const started = await client.call('compare.start', { text, targets, taskType: 'auto', ...(conversationId ? { conversationId } : {}) });
        const at = now();
        set({
          conversationId: started.conversationId,
          compareId: started.compareId,
          question: text,
          picked: undefined,
          starting: false,
          columns: started.answers.map((a) => ({ ...a, text: '', status: 'streaming', startedAt: at })),
        });
        return true;
      } catch (error) {
        set({ starting: false, error: errorText(error) });
        return false;
      }
    },
    async stop(messageId) {
      try {
        await client.call('chat.cancel', { messageId });
      } catch (error) {
        set({ error: errorText(error) });
      }
    },
    async pick(messageId) {
      const { conversationId, compareId } = get();
      if (!conversationId || !compareId) return false;
      try {
        const { picked } = await client.call('compare.pick', { conversationId, compareId, messageId });
        if (!picked) set({ error: 'Only a finished answer can be picked.' });
        else set({ picked: messageId });
        return picked;
      } catch (error) {
        set({ error: errorText(error) });
        return false;
      }
    },
    reset() {
      set({ conversationId: undefined, compareId: undefined, question: undefined, columns: [], picked: undefined, error: undefined });
    },
    onDelta(e) {
      if (!get().columns.some((c) => c.messageId === e.messageId)) return;
      set(change(e.messageId, (c) => ({ ...c, text: c.text + e.text, firstTextAt: c.firstTextAt ?? now() })));
    },
    onFinal(message) {
      if (!get().columns.some((c) => c.messageId === message.id)) return;
      set(change(message.id, (c) => ({ ...c, text: message.text, status: message.status, endedAt: now(), message })));
    },
  }));
}

/** Output tokens per second after the first token, from what the provider reported. */
export function tokensPerSecond(m: Message | undefined): number | undefined {
  if (!m?.usage || m.latencyMs === undefined || m.ttftMs === undefined) return undefined;
  const streaming = (m.latencyMs - m.ttftMs) / 1000;
  return streaming > 0 ? m.usage.outputTokens / streaming : undefined;
}
