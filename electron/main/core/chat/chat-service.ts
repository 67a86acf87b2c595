/**
 * Sends a message through the router and keeps the conversation on disk. The
 * user's message is committed before the request goes out; the call returns at
 * once and the answer streams as events. Text received so far is checkpointed
 * at least every 250 ms (a timer, not the delta path, does the write), so a
 * crash loses at most that much of what the user already saw.
 */
import { randomUUID } from 'node:crypto';
import type { Attempt, AttemptSource, Message } from '../../../../shared/chat.js';
import type { CallArgs, CallResult } from '../../../../shared/contract/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock, Router, RouteResult } from '../router/types.js';
import { RouteFailure } from '../router/types.js';
import type { ConversationStore, HistoryTurn } from '../store/conversations/conversation-store.js';
import { historyToTurns, titleFrom } from './history.js';

export const CHECKPOINT_MS = 250;
/** Idempotency keys remembered; a retry comes within moments of its first send. */
const REMEMBERED_SENDS = 256;

export interface ChatServiceDeps {
  store: ConversationStore;
  /** Runs the writes that start a message as one transaction. */
  atomically?: <T>(write: () => T) => T;
  /** What the attempts of this host's messages are recorded as (`chat` in the app, `cli` on the command line). */
  source?: AttemptSource;
  /** Told when saving an answer failed after it started (a full disk); the answer is still shown. */
  onSaveError?: (error: unknown) => void;
  router: Router;
  events: EventBus;
  clock: Clock;
  /** Called after every answer or failure, e.g. to publish provider health. */
  afterMessage?: () => void;
  /** Turns a routing failure into words that include what the user can do. */
  describeFailure?: (failure: RouteFailure) => string;
  /** Removes any key from text before it is stored or shown. */
  scrub?: (text: string) => string;
  /** The model a pinned provider uses when the user named none. */
  defaultModel?: (provider: string) => string | undefined;
}

type SendInput = CallArgs<'chat.send'> & {
  taskType: string;
  /** False: send without storing a conversation (the CLI's `ask` without --save); attempts are still recorded. */
  save?: boolean;
};

export interface ChatService {
  send(input: SendInput): CallResult<'chat.send'> & { finished: Promise<Message> };
  cancel(messageId: string): boolean;
  /** Aborts every stream in flight and waits for them to be stored. */
  close(): Promise<void>;
}

export function createChatService(deps: ChatServiceDeps): ChatService {
  const { store, router, events, clock } = deps;
  const inFlight = new Map<string, { abort: AbortController; finished: Promise<Message> }>();
  const sends = new Map<string, ReturnType<ChatService['send']>>();

  /** A key seen before gets that send's answer: the message is stored and routed once. */
  function send(request: SendInput): ReturnType<ChatService['send']> {
    const key = request.idempotencyKey;
    const earlier = key === undefined ? undefined : sends.get(key);
    if (earlier) return earlier;
    const sent = sendOnce(request);
    if (key !== undefined) {
      sends.set(key, sent);
      if (sends.size > REMEMBERED_SENDS) sends.delete(sends.keys().next().value as string);
    }
    return sent;
  }

  function sendOnce(request: SendInput) {
    const input = withPinnedModel(request, deps.defaultModel);
    const now = clock.now();
    const save = input.save !== false;
    const existing = input.conversationId ? store.summary(input.conversationId) : undefined;
    if (input.conversationId && !existing) throw new Error('That conversation no longer exists.');
    const history: HistoryTurn[] = existing ? store.turns(existing.id) : [];
    const atomically = deps.atomically ?? ((write) => write());

    const { conversation, userMessage, draft } = atomically(() => {
      const conversation = existing ?? (save ? store.create(titleFrom(input.text), now) : unsaved(titleFrom(input.text), now));
      const userMessage: Message = {
        id: randomUUID(),
        conversationId: conversation.id,
        role: 'user',
        text: input.text,
        createdAt: now,
        status: 'done',
        ...(input.taskType !== 'auto' ? { taskType: input.taskType } : {}),
      };
      const draft: Message = { id: randomUUID(), conversationId: conversation.id, role: 'assistant', text: '', createdAt: now + 1, status: 'streaming' };
      if (save) {
        store.putMessage(userMessage);
        store.putMessage(draft);
      }
      return { conversation, userMessage, draft };
    });

    const abort = new AbortController();
    const turns = [...history, { role: 'user' as const, text: input.text, status: 'done' as const }];
    const finished = run(draft, turns, input, conversation.stickyProvider, save, abort.signal).finally(() => {
      inFlight.delete(draft.id);
      deps.afterMessage?.();
    });
    inFlight.set(draft.id, { abort, finished });
    return { conversationId: conversation.id, userMessage, assistantMessageId: draft.id, finished };
  }

  async function run(
    draft: Message,
    history: HistoryTurn[],
    input: SendInput,
    stickyProvider: string | undefined,
    save: boolean,
    signal: AbortSignal,
  ): Promise<Message> {
    const ref = { conversationId: draft.conversationId, messageId: draft.id };
    let saveFailed = false;
    /** A store write after the message started: a failure is told once per answer, never thrown into the stream; later writes still try. */
    const tryWrite = (write: () => void): void => {
      try {
        write();
      } catch (error) {
        if (!saveFailed) deps.onSaveError?.(error);
        saveFailed = true;
      }
    };
    // The router owns the shown text; this keeps only its latest copy, for checkpoints.
    let text = '';
    let saved = '';
    let lastCheckpoint = clock.now();
    let cancelTimer: (() => void) | undefined;
    const checkpoint = (): void => {
      cancelTimer = undefined;
      lastCheckpoint = clock.now();
      if (text === saved) return;
      saved = text;
      tryWrite(() => store.checkpoint(draft.id, text));
    };
    try {
      const result = await router.route(
        {
          conversationId: draft.conversationId,
          messages: historyToTurns(history),
          taskChoice: input.taskType,
          provider: input.provider,
          model: input.model,
          stickyProvider,
          source: deps.source ?? 'chat',
          ...(save ? { messageId: draft.id } : {}),
        },
        {
          onAttempt: (a) => events.emit('chat.attempt', { ...ref, provider: a.provider, model: a.model, hedge: a.hedge }),
          onFallback: (f) => events.emit('chat.fallback', { ...ref, ...f }),
          onText: (delta, shown) => {
            text = shown;
            events.emit('chat.delta', { ...ref, text: delta });
            if (save && !cancelTimer) cancelTimer = clock.setTimeout(checkpoint, Math.max(0, CHECKPOINT_MS - (clock.now() - lastCheckpoint)), { unref: true });
          },
        },
        signal,
      );
      cancelTimer?.();
      const message = answered(draft, result, deps.scrub ?? unchanged);
      if (save) {
        tryWrite(() => store.putMessage(message));
        tryWrite(() => store.setSticky(draft.conversationId, result.provider));
      }
      events.emit('chat.done', { message });
      return message;
    } catch (error) {
      cancelTimer?.();
      const message = failed(draft, error, text, deps);
      if (save) tryWrite(() => store.putMessage(message));
      events.emit('chat.error', { message });
      return message;
    }
  }

  return {
    send,
    cancel(messageId) {
      const entry = inFlight.get(messageId);
      entry?.abort.abort();
      return entry !== undefined;
    },
    async close() {
      const pending = [...inFlight.values()];
      pending.forEach((p) => p.abort.abort());
      await Promise.allSettled(pending.map((p) => p.finished));
    },
  };
}

/** A conversation that exists only for this one message. */
function unsaved(title: string, now: number) {
  return { id: randomUUID(), title, createdAt: now, updatedAt: now, messageCount: 0, stickyProvider: undefined };
}

function withPinnedModel(input: SendInput, defaultModel: ChatServiceDeps['defaultModel']): SendInput {
  if (!input.provider || input.model) return input;
  const model = defaultModel?.(input.provider);
  if (!model) throw new Error(`Choose a model for "${input.provider}": it lists none.`);
  return { ...input, model };
}

const unchanged = (text: string): string => text;

/** Provider error texts in attempts can echo a key back; they are stored only scrubbed. */
function scrubAttempts(attempts: Attempt[], scrub: (text: string) => string): Attempt[] {
  return attempts.map((a) => (a.message ? { ...a, message: scrub(a.message) } : a));
}

function answered(draft: Message, r: RouteResult, scrub: (text: string) => string): Message {
  return {
    ...draft,
    text: r.text,
    status: 'done',
    taskType: r.taskType,
    provider: r.provider,
    model: r.model,
    usage: r.usage,
    costUsd: r.costUsd,
    ttftMs: r.ttftMs,
    latencyMs: r.latencyMs,
    attempts: scrubAttempts(r.attempts, scrub),
    trace: r.trace,
    ...(r.note ? { note: r.note } : {}),
  };
}

function failed(draft: Message, error: unknown, streamed: string, deps: ChatServiceDeps): Message {
  const scrub = deps.scrub ?? unchanged;
  if (error instanceof RouteFailure) {
    const text = error.partialText;
    const words = deps.describeFailure?.(error) ?? error.message;
    return {
      ...draft,
      text,
      status: error.kind === 'cancelled' ? 'cancelled' : 'error',
      taskType: error.trace.taskType,
      attempts: scrubAttempts(error.attempts, scrub),
      trace: error.trace,
      error: { kind: error.kind, message: scrub(words) },
    };
  }
  // A bug in the core, not a provider failure: say so plainly, keep the text.
  return {
    ...draft,
    text: streamed,
    status: 'error',
    error: { kind: 'internal', message: scrub(`Switchboard hit an internal error: ${(error as Error)?.message ?? String(error)}`) },
  };
}
