/**
 * The chat: messages of every conversation seen this session, the open one, and
 * sending/cancelling. Streamed deltas go through the frame buffer, so one frame
 * means at most one state update however many deltas arrived.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallArgs, EventPayload } from '../../../shared/contract/index.js';
import type { Message } from '../../../shared/chat.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';
import {
  applyAttempt,
  applyDeltas,
  applyFallback,
  applyFinal,
  applyLoaded,
  applySent,
  emptyChatData,
  type ChatData,
} from './chat-data.js';
import { createDeltaBuffer, type Scheduler } from './delta-buffer.js';

export interface ChatState extends ChatData {
  current?: string;
  sending: boolean;
  /** Why the last send failed; the composer keeps the text. */
  sendError?: string;
  loadError?: string;
  send(input: CallArgs<'chat.send'>): Promise<boolean>;
  cancel(messageId: string): Promise<void>;
  open(conversationId: string): Promise<void>;
  newChat(): void;
  /** Opens a conversation and asks the view to bring one of its messages into sight (a search hit). */
  jumpTo(conversationId: string, messageId: string): Promise<void>;
  /** The message the view should scroll to and mark, once. */
  focusMessage?: string;
  clearFocus(): void;
  /** How the next new chat starts (a preset, its own system prompt); sent with its first message only. */
  newChatSetup: { presetId?: string; systemPrompt?: string };
  setNewChatSetup(setup: { presetId?: string; systemPrompt?: string }): void;
  clearSendError(): void;
  onAttempt(e: EventPayload<'chat.attempt'>): void;
  onDelta(e: EventPayload<'chat.delta'>): void;
  onFallback(e: EventPayload<'chat.fallback'>): void;
  onFinal(message: Message): void;
}

export interface ChatStoreOptions {
  schedule?: Scheduler;
  now?: () => number;
  /** Called when a conversation gained or finished a message, to refresh the sidebar. */
  onActivity?: () => void;
}

export type ChatStore = StoreApi<ChatState>;

/** A preset or prompt left empty is not sent. */
function definedOnly(setup: ChatState['newChatSetup']): ChatState['newChatSetup'] {
  return {
    ...(setup.presetId ? { presetId: setup.presetId } : {}),
    ...(setup.systemPrompt?.trim() ? { systemPrompt: setup.systemPrompt } : {}),
  };
}

export function createChatStore(client: Pick<Client, 'call'>, options: ChatStoreOptions = {}): ChatStore {
  const now = options.now ?? (() => Date.now());
  const activity = options.onActivity ?? (() => {});

  return createStore<ChatState>()((set, get) => {
    const buffer = createDeltaBuffer((batch) => set((s) => applyDeltas(s, batch, now())), options.schedule);

    return {
      ...emptyChatData,
      sending: false,

      async send(input) {
        set({ sending: true, sendError: undefined });
        try {
          const conversationId = input.conversationId ?? get().current;
          const setup = conversationId === undefined ? definedOnly(get().newChatSetup) : {};
          const sent = await client.call('chat.send', { ...input, ...setup, conversationId });
          set((s) => ({
            ...applySent(s, sent.userMessage, sent.assistantMessageId, now()),
            current: sent.conversationId,
            sending: false,
            newChatSetup: conversationId === undefined ? {} : s.newChatSetup,
          }));
          activity();
          return true;
        } catch (error) {
          set({ sending: false, sendError: errorText(error) });
          return false;
        }
      },

      async cancel(messageId) {
        try {
          await client.call('chat.cancel', { messageId });
        } catch (error) {
          set({ sendError: errorText(error) });
        }
      },

      async open(conversationId) {
        set({ current: conversationId, loadError: undefined, sendError: undefined });
        try {
          const { messages } = await client.call('conversations.get', { id: conversationId });
          buffer.flushNow();
          set((s) => applyLoaded(s, conversationId, messages));
        } catch (error) {
          set({ loadError: errorText(error) });
        }
      },

      newChat() {
        set({ current: undefined, sendError: undefined, loadError: undefined, newChatSetup: {} });
      },

      newChatSetup: {},
      setNewChatSetup(setup) {
        set({ newChatSetup: setup });
      },

      async jumpTo(conversationId, messageId) {
        if (get().current !== conversationId) await get().open(conversationId);
        set({ focusMessage: messageId });
      },
      clearFocus() {
        set({ focusMessage: undefined });
      },

      clearSendError() {
        set({ sendError: undefined });
      },

      onAttempt(e) {
        buffer.flushNow();
        set((s) => applyAttempt(s, e, now()));
      },
      onDelta(e) {
        buffer.push(e);
      },
      onFallback(e) {
        buffer.flushNow();
        set((s) => applyFallback(s, e, now()));
      },
      onFinal(message) {
        // Deltas still buffered belong before the final state, never after it.
        buffer.flushNow();
        set((s) => applyFinal(s, message));
        activity();
      },
    };
  });
}
