/**
 * The chat: messages of every conversation seen this session, the open one, and
 * sending/cancelling. Streamed deltas go through the frame buffer, so one frame
 * means at most one state update however many deltas arrived; a message's first
 * delta is applied at once.
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
  applyNewList,
  applyNewer,
  applyOlder,
  applyRemoved,
  applyRestart,
  applyRestore,
  applySent,
  applyTruncated,
  applyWindow,
  emptyChatData,
  type ChatData,
} from './chat-data.js';
import { createDeltaBuffer, type Scheduler } from './delta-buffer.js';
import { pinPatch, type RoutePicks } from '../lib/route-picks.js';

export interface ChatState extends ChatData {
  current?: string;
  sending: boolean;
  /** Why the last send failed; the composer keeps the text. */
  sendError?: string;
  loadError?: string;
  /** Conversations whose older page is being read. */
  loadingOlder: Record<string, boolean>;
  /** Why the last older page could not be read; scrolling up again retries. */
  olderError?: string;
  /** Conversations whose newer page is being read (below a window opened far back). */
  loadingNewer: Record<string, boolean>;
  /** Why the last newer page could not be read; scrolling down again retries. */
  newerError?: string;
  send(input: CallArgs<'chat.send'>): Promise<boolean>;
  cancel(messageId: string): Promise<void>;
  /** Answers again in place: regenerate, retry, or either on a chosen provider. */
  regenerate(input: CallArgs<'chat.regenerate'>): Promise<boolean>;
  /** Changes the last question and answers it again. */
  edit(input: CallArgs<'chat.edit'>): Promise<boolean>;
  /** Opens a conversation at its latest page. */
  open(conversationId: string): Promise<void>;
  /** Reads the page before the first loaded message, when there is one. */
  loadOlder(conversationId: string): Promise<void>;
  /** Reads the page after the last loaded message, when the loaded window stops short of the latest. */
  loadNewer(conversationId: string): Promise<void>;
  /** Loads the latest page in place of a window far back, so the list starts over at the latest message. */
  showLatest(conversationId: string): Promise<void>;
  /** Deletes one message; false (with the reason in sendError) when main refused. */
  deleteMessage(conversationId: string, messageId: string): Promise<boolean>;
  newChat(): void;
  /**
   * Opens a conversation at one of its messages (a search hit): when the message
   * is not loaded, the messages around it replace what was, and the view asks for it.
   */
  jumpTo(conversationId: string, messageId: string): Promise<void>;
  /** The message the view should scroll to and mark, once; set only once it is loaded. */
  focusMessage?: string;
  clearFocus(): void;
  /** How the next new chat starts (a preset, its own system prompt, pins); sent with its first message only. */
  newChatSetup: NewChatSetup;
  setNewChatSetup(setup: NewChatSetup): void;
  clearSendError(): void;
  onAttempt(e: EventPayload<'chat.attempt'>): void;
  onDelta(e: EventPayload<'chat.delta'>): void;
  onFallback(e: EventPayload<'chat.fallback'>): void;
  onFinal(message: Message): void;
}

export interface NewChatSetup {
  presetId?: string;
  systemPrompt?: string;
  /** The preset chosen was deleted since, so the chat starts without one; said once above the messages. */
  presetGone?: boolean;
  /** Kept for the chat once its first message creates it (they win over the preset's task type). */
  pins?: RoutePicks;
}

export interface ChatStoreOptions {
  schedule?: Scheduler;
  now?: () => number;
  /** Called when a conversation gained or finished a message, to refresh the sidebar. */
  onActivity?: () => void;
}

export type ChatStore = StoreApi<ChatState>;

/** A preset or prompt left empty is not sent. */
function definedOnly(setup: NewChatSetup): Pick<NewChatSetup, 'presetId' | 'systemPrompt'> {
  return {
    ...(setup.presetId ? { presetId: setup.presetId } : {}),
    ...(setup.systemPrompt?.trim() ? { systemPrompt: setup.systemPrompt } : {}),
  };
}

/** Messages per older page: a few screens of scrolling, read in a few milliseconds. */
const PAGE = 100;

type Side = 'older' | 'newer';
const SIDE = {
  older: { loading: 'loadingOlder', error: 'olderError', more: 'hasOlder' },
  newer: { loading: 'loadingNewer', error: 'newerError', more: 'hasNewer' },
} as const;

export function createChatStore(client: Pick<Client, 'call'>, options: ChatStoreOptions = {}): ChatStore {
  const now = options.now ?? (() => Date.now());
  const activity = options.onActivity ?? (() => {});

  return createStore<ChatState>()((set, get) => {
    const buffer = createDeltaBuffer((batch) => set((s) => applyDeltas(s, batch, now())), options.schedule);

    /** The page before the first loaded message or after the last, when main has more that way. */
    async function readPage(conversationId: string, side: Side): Promise<void> {
      const { loading, error, more } = SIDE[side];
      const edge = () => {
        const ids = get().order[conversationId];
        return side === 'older' ? ids?.[0] : ids?.at(-1);
      };
      const from = edge();
      if (!from || !get().paging[conversationId]?.[more] || get()[loading][conversationId]) return;
      const busy = (on: boolean) => set((s) => ({ [loading]: { ...s[loading], [conversationId]: on } }));
      busy(true);
      set({ [error]: undefined });
      try {
        // A reload in between may have changed the edge; then this page does not meet it.
        if (side === 'older') {
          const page = await client.call('conversations.page', { id: conversationId, before: from, limit: PAGE });
          if (edge() === from) set((s) => applyOlder(s, conversationId, page.messages, page.hasOlder));
        } else {
          const page = await client.call('conversations.pageAround', { conversationId, messageId: from, before: 0, after: PAGE });
          if (edge() === from) set((s) => applyNewer(s, conversationId, page.messages, page.hasNewer));
        }
      } catch (e) {
        set({ [error]: errorText(e) });
      } finally {
        busy(false);
      }
    }

    return {
      ...emptyChatData,
      sending: false,
      loadingOlder: {},
      loadingNewer: {},

      async send(input) {
        set({ sending: true, sendError: undefined });
        try {
          const conversationId = input.conversationId ?? get().current;
          const pending: NewChatSetup = conversationId === undefined ? get().newChatSetup : {};
          const sent = await client.call('chat.send', { ...input, ...definedOnly(pending), conversationId });
          set((s) => ({
            ...applySent(s, sent.userMessage, sent.assistantMessageId, now()),
            current: sent.conversationId,
            sending: false,
            newChatSetup: conversationId === undefined ? {} : s.newChatSetup,
          }));
          // The answer is already on its way with these picks; storing them as pins can follow it.
          if (pending.pins) {
            await client
              .call('conversations.update', { id: sent.conversationId, ...pinPatch(pending.pins) })
              .catch((error: unknown) => set({ sendError: `Sent, but the choices were not kept for this chat: ${errorText(error)}` }));
          }
          activity();
          return true;
        } catch (error) {
          set({ sending: false, sendError: errorText(error) });
          return false;
        }
      },

      async regenerate(input) {
        const before = get().items[input.messageId];
        // Shown as streaming before the call returns, so its first events are not dropped as late.
        set((s) => ({ ...applyRestart(s, input.messageId), sendError: undefined }));
        try {
          await client.call('chat.regenerate', input);
          activity();
          return true;
        } catch (error) {
          set((s) => ({ ...(before ? applyRestore(s, before) : s), sendError: errorText(error) }));
          return false;
        }
      },

      async edit(input) {
        const s0 = get();
        const ids = s0.order[input.conversationId] ?? [];
        const nextId = ids[ids.indexOf(input.messageId) + 1];
        const next = nextId ? s0.items[nextId] : undefined;
        // Main answers again in place of the question's own answer; a compared answer set aside is not it.
        const answerId = next?.message.role === 'assistant' && !next.message.setAside ? nextId : undefined;
        const question = s0.items[input.messageId];
        const answer = answerId ? s0.items[answerId] : undefined;
        if (answerId) set((s) => applyRestart(s, answerId));
        try {
          const sent = await client.call('chat.edit', input);
          // What followed the edited question answered its old text; main removed it too.
          set((s) => ({ ...applySent(applyTruncated(s, input.conversationId, answerId ?? input.messageId), sent.userMessage, sent.assistantMessageId, now()), sendError: undefined }));
          activity();
          return true;
        } catch (error) {
          set((s) => {
            let next: ChatData = s;
            if (question) next = applyRestore(next, question);
            if (answer) next = applyRestore(next, answer);
            return { ...next, sendError: errorText(error) };
          });
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
        // A hit asked for before and never shown must not pull the view there later.
        set({ current: conversationId, loadError: undefined, sendError: undefined, focusMessage: undefined });
        try {
          const { messages, hasOlder } = await client.call('conversations.get', { id: conversationId });
          buffer.flushNow();
          set((s) => applyLoaded(s, conversationId, messages, hasOlder));
        } catch (error) {
          set({ loadError: errorText(error) });
        }
      },

      loadOlder: (conversationId) => readPage(conversationId, 'older'),
      loadNewer: (conversationId) => readPage(conversationId, 'newer'),

      async showLatest(conversationId) {
        try {
          const { messages, hasOlder } = await client.call('conversations.get', { id: conversationId });
          buffer.flushNow();
          set((s) => ({ ...applyWindow(s, conversationId, messages, hasOlder, false), newerError: undefined }));
        } catch (error) {
          set({ newerError: errorText(error) });
        }
      },

      async deleteMessage(conversationId, messageId) {
        try {
          await client.call('conversations.deleteMessage', { conversationId, messageId });
          set((s) => ({ ...applyRemoved(s, conversationId, messageId), sendError: undefined }));
          activity();
          return true;
        } catch (error) {
          set({ sendError: errorText(error) });
          return false;
        }
      },

      newChat() {
        set({ current: undefined, sendError: undefined, loadError: undefined, newChatSetup: {}, focusMessage: undefined });
      },

      newChatSetup: {},
      setNewChatSetup(setup) {
        set({ newChatSetup: setup });
      },

      async jumpTo(conversationId, messageId) {
        const loaded = () => get().order[conversationId]?.includes(messageId) === true;
        // Loaded already (a recent message): open as usual, which keeps it. Else only the window around it is read.
        if (get().current !== conversationId) {
          if (loaded()) await get().open(conversationId);
          else set({ current: conversationId, loadError: undefined, sendError: undefined });
        }
        if (loaded()) return set((s) => ({ ...applyNewList(s, conversationId), focusMessage: messageId }));
        try {
          const w = await client.call('conversations.pageAround', { conversationId, messageId, before: PAGE / 2, after: PAGE / 2 });
          buffer.flushNow();
          // In one update, so the list starts over already at the message.
          set((s) => ({ ...applyWindow(s, conversationId, w.messages, w.hasOlder, w.hasNewer), focusMessage: messageId }));
        } catch (error) {
          set({ loadError: errorText(error) });
        }
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
        // A message's first text is what the user is waiting for: it skips the frame wait.
        if (!get().items[e.messageId]?.message.text) buffer.flushNow();
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
