/**
 * Sends a message through the router and keeps the conversation on disk. The
 * call returns at once; the answer streams as events. Text received so far is
 * checkpointed, so a crash or a failure never loses what the user already saw.
 */
import { randomUUID } from 'node:crypto';
import type { Attempt, Message } from '../../../../shared/chat.js';
import type { CallArgs, CallResult } from '../../../../shared/contract/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock, Router, RouteResult } from '../router/types.js';
import { RouteFailure } from '../router/types.js';
import type { ConversationStore } from '../store/conversation-store.js';
import { historyToTurns, titleFrom } from './history.js';

const CHECKPOINT_MS = 2000;
/** Idempotency keys remembered; a retry comes within moments of its first send. */
const REMEMBERED_SENDS = 256;

export interface ChatServiceDeps {
  store: ConversationStore;
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

type SendInput = CallArgs<'chat.send'> & { taskType: string };

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
    const existing = input.conversationId ? store.get(input.conversationId) : undefined;
    if (input.conversationId && !existing) throw new Error('That conversation no longer exists.');
    const conversation = existing?.conversation ?? store.create(titleFrom(input.text), now);
    const history = existing?.messages ?? [];

    const userMessage: Message = {
      id: randomUUID(),
      conversationId: conversation.id,
      role: 'user',
      text: input.text,
      createdAt: now,
      status: 'done',
      ...(input.taskType !== 'auto' ? { taskType: input.taskType } : {}),
    };
    store.putMessage(userMessage);
    const draft: Message = {
      id: randomUUID(),
      conversationId: conversation.id,
      role: 'assistant',
      text: '',
      createdAt: now + 1,
      status: 'streaming',
    };
    store.putMessage(draft);

    const abort = new AbortController();
    const finished = run(draft, [...history, userMessage], input, conversation.stickyProvider, abort.signal).finally(
      () => {
        inFlight.delete(draft.id);
        deps.afterMessage?.();
      },
    );
    inFlight.set(draft.id, { abort, finished });
    return { conversationId: conversation.id, userMessage, assistantMessageId: draft.id, finished };
  }

  async function run(
    draft: Message,
    history: Message[],
    input: SendInput,
    stickyProvider: string | undefined,
    signal: AbortSignal,
  ): Promise<Message> {
    const ref = { conversationId: draft.conversationId, messageId: draft.id };
    // The router owns the shown text; this keeps only its latest copy, for checkpoints.
    let text = '';
    let lastCheckpoint = clock.now();
    try {
      const result = await router.route(
        {
          conversationId: draft.conversationId,
          messages: historyToTurns(history),
          taskChoice: input.taskType,
          provider: input.provider,
          model: input.model,
          stickyProvider,
        },
        {
          onAttempt: (a) => events.emit('chat.attempt', { ...ref, provider: a.provider, model: a.model, hedge: a.hedge }),
          onFallback: (f) => events.emit('chat.fallback', { ...ref, ...f }),
          onText: (delta, shown) => {
            text = shown;
            events.emit('chat.delta', { ...ref, text: delta });
            if (clock.now() - lastCheckpoint >= CHECKPOINT_MS) {
              lastCheckpoint = clock.now();
              store.putMessage({ ...draft, text });
            }
          },
        },
        signal,
      );
      const message = answered(draft, result, deps.scrub ?? unchanged);
      store.putMessage(message);
      store.setSticky(draft.conversationId, result.provider);
      events.emit('chat.done', { message });
      return message;
    } catch (error) {
      const message = failed(draft, error, text, deps);
      store.putMessage(message);
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
