/**
 * Sends a message through the router and keeps the conversation on disk. The
 * user's message is committed before the request goes out; the call returns at
 * once and the answer streams as events. Text received so far is checkpointed
 * at least every 250 ms (a timer, not the delta path, does the write), so a
 * crash loses at most that much of what the user already saw.
 */
import { randomUUID } from 'node:crypto';
import type { AttemptSource, Message } from '../../../../shared/chat.js';
import type { CallArgs, CallResult } from '../../../../shared/contract/index.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock, Router, RouteFailure } from '../router/types.js';
import type { ConversationStore, HistoryTurn } from '../store/conversations/conversation-store.js';
import type { Preset } from '../../../../shared/settings.js';
import { estimatePromptTokens } from '../router/estimate-tokens.js';
import { answered, failed, unchanged, withSeams, type LiveStats } from './answer-message.js';
import { historyToTurns, titleFrom } from './history.js';
import { newConversationSetup, setupFields, withSetup } from './conversation-setup.js';

export const CHECKPOINT_MS = 250;
const STILL_STREAMING = 'An answer is still streaming in this conversation: stop it first.';
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
  /** Turns a routing failure into words that include what the user can do. */
  describeFailure?: (failure: RouteFailure) => string;
  /** Removes any key from text before it is stored or shown. */
  scrub?: (text: string) => string;
  /** The model a pinned provider uses when the user named none. */
  defaultModel?: (provider: string) => string | undefined;
  /** The presets a new conversation may start from. */
  presets?: () => readonly Preset[];
  /** Told of every stored answer (the title writer names a chat after its first). */
  onAnswered?: (message: Message) => void;
}

type SendInput = CallArgs<'chat.send'> & {
  taskType: string;
  /** False: send without storing a conversation (the CLI's `ask` without --save); attempts are still recorded. */
  save?: boolean;
};
type RouteChoice = Pick<SendInput, 'taskType' | 'provider' | 'model'>;
type CompareInput = CallArgs<'compare.start'> & { taskType: string };
/** What one answer is routed with, beyond the message. */
type RunInput = RouteChoice & {
  /** The setup of a conversation that is not stored; a stored one's is read when the answer starts. */
  setup?: Parameters<typeof withSetup>[1];
  exclusive?: boolean;
  noFallback?: boolean;
  source?: AttemptSource;
};

export interface ChatService {
  send(input: SendInput): CallResult<'chat.send'> & { finished: Promise<Message> };
  compare(input: CompareInput): CallResult<'compare.start'> & { finished: Promise<Message[]> };
  /** The picked compared answer continues the conversation; false when it is not one of that compare's finished answers. */
  pick(conversationId: string, compareId: string, messageId: string): boolean;
  /** Answers again in place of an earlier answer (or a failed one), on its route or a chosen provider. */
  regenerate(input: CallArgs<'chat.regenerate'>): CallResult<'chat.regenerate'> & { finished: Promise<Message> };
  /** Changes the last question and answers it again in place of its old answer. */
  edit(input: CallArgs<'chat.edit'>): CallResult<'chat.edit'> & { finished: Promise<Message> };
  cancel(messageId: string): boolean;
  /** Whether this message is an answer still streaming. */
  streaming(messageId: string): boolean;
  /** Stops every answer streaming in a conversation and waits until each is stored. */
  stopIn(conversationId: string): Promise<void>;
  /** Aborts every stream in flight and waits for them to be stored. */
  close(): Promise<void>;
}

export function createChatService(deps: ChatServiceDeps): ChatService {
  const { store, router, events, clock } = deps;
  const inFlight = new Map<string, { conversationId: string; abort: AbortController; finished: Promise<Message> }>();
  const atomically = deps.atomically ?? (<T>(write: () => T): T => write());

  const streamingIn = (conversationId: string): boolean => [...inFlight.values()].some((f) => f.conversationId === conversationId);
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

  /** The conversation a message goes to (stored or about to be), or a sentence saying why it cannot. */
  function opening(input: SendInput) {
    const existing = input.conversationId ? store.summary(input.conversationId) : undefined;
    if (input.conversationId && !existing) throw new Error('That conversation no longer exists.');
    if (existing && (input.presetId !== undefined || input.systemPrompt !== undefined)) {
      throw new Error("A preset or system prompt given with a message starts a new chat; change this chat's system prompt in its settings.");
    }
    const setup = existing ? undefined : newConversationSetup(deps.presets?.() ?? [], input.presetId, input.systemPrompt);
    // One turn at a time: a second Enter while an answer streams must not start another request.
    if (existing && streamingIn(existing.id)) throw new Error(STILL_STREAMING);
    const history: HistoryTurn[] = existing ? store.turns(existing.id) : [];
    const open = (now: number, save: boolean) => {
      if (existing) return existing;
      const title = titleFrom(input.text);
      return save ? created(title, now, setup ?? {}) : { ...unsaved(title, now), ...setupFields(setup ?? {}) };
    };
    return { history, open };
  }

  function questionOf(conversationId: string, input: SendInput, now: number): Message {
    return {
      id: randomUUID(),
      conversationId,
      role: 'user',
      text: input.text,
      createdAt: now,
      status: 'done',
      ...(input.taskType !== 'auto' ? { taskType: input.taskType } : {}),
    };
  }

  function sendOnce(request: SendInput) {
    const input = withPinnedModel(request, deps.defaultModel);
    const now = clock.now();
    const save = input.save !== false;
    const { history, open } = opening(input);

    const { conversation, userMessage, draft } = atomically(() => {
      const conversation = open(now, save);
      const userMessage = questionOf(conversation.id, input, now);
      const draft: Message = { id: randomUUID(), conversationId: conversation.id, role: 'assistant', text: '', createdAt: now + 1, status: 'streaming' };
      if (save) {
        store.putMessage(userMessage);
        store.putMessage(draft);
      }
      return { conversation, userMessage, draft };
    });

    const finished = start(draft, [...history, userMessage], { ...input, setup: save ? undefined : conversation }, conversation.stickyProvider, save);
    return { conversationId: conversation.id, userMessage, assistantMessageId: draft.id, finished };
  }

  function start(draft: Message, history: HistoryTurn[], choice: RunInput, stickyProvider: string | undefined, save: boolean): Promise<Message> {
    const abort = new AbortController();
    const finished = run(draft, history, choice, stickyProvider, save, abort.signal).finally(() => inFlight.delete(draft.id));
    inFlight.set(draft.id, { conversationId: draft.conversationId, abort, finished });
    return finished;
  }

  /** The conversation's history and the index of one of its messages, or a sentence saying why not. */
  function locate(conversationId: string, messageId: string) {
    const conversation = store.summary(conversationId);
    if (!conversation) throw new Error('That conversation no longer exists.');
    if (streamingIn(conversationId)) throw new Error(STILL_STREAMING);
    const turns = store.turns(conversationId);
    const index = turns.findIndex((m) => m.id === messageId);
    if (index === -1) throw new Error('That message no longer exists.');
    return { conversation, turns, index };
  }

  /** The assistant message at `index` starts over, keeping its id and its place in the conversation. */
  function answerAgain(found: ReturnType<typeof locate>, index: number, choice: Omit<RouteChoice, 'taskType'>, history: HistoryTurn[]): Promise<Message> {
    const old = found.turns[index] as HistoryTurn;
    const question = history[history.length - 1];
    const input = withPinnedModel({ text: question?.text ?? '', taskType: question?.taskType ?? 'auto', ...choice }, deps.defaultModel);
    const draft: Message = { id: old.id, conversationId: found.conversation.id, role: 'assistant', text: '', createdAt: old.createdAt, status: 'streaming' };
    atomically(() => {
      store.detachAttempts(draft.id);
      store.putMessage(draft);
    });
    // A chosen provider is a choice for this answer, not a new sticky default.
    return start(draft, history, input, found.conversation.stickyProvider, true);
  }

  function regenerate(request: CallArgs<'chat.regenerate'>) {
    const found = locate(request.conversationId, request.messageId);
    const target = found.turns[found.index] as HistoryTurn;
    if (target.role !== 'assistant') throw new Error('Only an answer can be regenerated.');
    const history = found.turns.slice(0, found.index);
    if (!history.some((m) => m.role === 'user')) throw new Error('There is no question before this answer.');
    const finished = answerAgain(found, found.index, { provider: request.provider, model: request.model }, history);
    return { conversationId: found.conversation.id, assistantMessageId: target.id, finished };
  }

  function edit(request: CallArgs<'chat.edit'>) {
    const found = locate(request.conversationId, request.messageId);
    const question = found.turns[found.index] as HistoryTurn;
    if (question.role !== 'user') throw new Error('Only your own messages can be edited.');
    const edited: Message = {
      id: question.id,
      conversationId: found.conversation.id,
      role: 'user',
      text: request.text,
      createdAt: question.createdAt,
      status: 'done',
      ...(question.taskType ? { taskType: question.taskType } : {}),
    };
    const answerIndex = found.index + 1;
    const answer = found.turns[answerIndex]?.role === 'assistant' ? found.turns[answerIndex] : undefined;
    // An earlier question edited starts the chat over from there: what followed answered the old text.
    atomically(() => {
      store.putMessage(edited);
      store.deleteAfter(found.conversation.id, (answer ?? question).id);
    });
    const history = [...found.turns.slice(0, found.index), edited];
    const choice = { provider: request.provider, model: request.model };
    if (answer) {
      const finished = answerAgain(found, answerIndex, choice, history);
      return { conversationId: found.conversation.id, userMessage: edited, assistantMessageId: answer.id, finished };
    }
    const input = withPinnedModel({ text: edited.text, taskType: edited.taskType ?? 'auto', ...choice }, deps.defaultModel);
    const draft: Message = { id: randomUUID(), conversationId: edited.conversationId, role: 'assistant', text: '', createdAt: clock.now(), status: 'streaming' };
    store.putMessage(draft);
    const finished = start(draft, history, input, found.conversation.stickyProvider, true);
    return { conversationId: found.conversation.id, userMessage: edited, assistantMessageId: draft.id, finished };
  }

  async function stopAll(pending: { abort: AbortController; finished: Promise<Message> }[]): Promise<void> {
    pending.forEach((p) => p.abort.abort());
    await Promise.allSettled(pending.map((p) => p.finished));
  }

  /**
   * One question to each target at once, each only on that target (no fallback:
   * a failing column shows its own error). Every answer starts set aside until
   * the user picks one to continue with.
   */
  function compare(request: CompareInput) {
    const { targets, ...input } = request;
    const now = clock.now();
    const { history, open } = opening(input);
    const compareId = randomUUID();
    const { conversation, userMessage, drafts } = atomically(() => {
      const conversation = open(now, true);
      const userMessage = questionOf(conversation.id, input, now);
      store.putMessage(userMessage);
      const drafts = targets.map((target, i) => {
        const draft: Message = { id: randomUUID(), conversationId: conversation.id, role: 'assistant', text: '', createdAt: now + 1 + i, status: 'streaming', compareId, setAside: true };
        store.putMessage(draft);
        return { draft, target };
      });
      return { conversation, userMessage, drafts };
    });
    const turns = [...history, userMessage];
    const finished = drafts.map(({ draft, target }) =>
      start(draft, turns, { ...input, ...target, exclusive: true, noFallback: true, source: 'compare' }, undefined, true),
    );
    return {
      conversationId: conversation.id,
      compareId,
      userMessage,
      answers: drafts.map(({ draft, target }) => ({ messageId: draft.id, ...target })),
      finished: Promise.all(finished),
    };
  }

  function pick(conversationId: string, compareId: string, messageId: string): boolean {
    if (inFlight.has(messageId)) throw new Error('That answer is still streaming: pick it once it is done.');
    const picked = store.pickCompared(conversationId, compareId, messageId);
    if (!picked) return false;
    store.setSticky(conversationId, picked.provider);
    deps.onAnswered?.({ ...picked, setAside: false });
    return true;
  }

  /** A stored conversation, with the setup it starts from. */
  function created(title: string, now: number, setup: Parameters<ConversationStore['update']>[1]) {
    const conversation = store.create(title, now);
    return Object.keys(setup).length > 0 ? (store.update(conversation.id, setup) ?? conversation) : conversation;
  }

  async function run(
    draft: Message,
    history: HistoryTurn[],
    input: RunInput,
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
    const turns = historyToTurns(history);
    // What a stopped answer keeps: who was answering, and when its text came.
    const live: LiveStats = { startedAt: clock.now(), seams: [], promptTokens: estimatePromptTokens(turns) };
    try {
      const result = await router.route(
        {
          conversationId: draft.conversationId,
          // The setup is read at send time, so a system prompt changed mid-chat applies to the next answer.
          ...withSetup(turns, save ? store.summary(draft.conversationId) : input.setup),
          taskChoice: input.taskType,
          provider: input.provider,
          model: input.model,
          stickyProvider,
          ...(input.exclusive ? { exclusive: true } : {}),
          ...(input.noFallback ? { noFallback: true } : {}),
          source: input.source ?? deps.source ?? 'chat',
          ...(save ? { messageId: draft.id } : {}),
        },
        {
          onAttempt: (a) => {
            if (a.continuation && live.provider) live.seams.push({ at: text.length, from: live.provider, to: a.provider });
            if (!a.hedge) Object.assign(live, { provider: a.provider, model: a.model });
            events.emit('chat.attempt', { ...ref, provider: a.provider, model: a.model, hedge: a.hedge, ...(a.continuation ? { continuation: true } : {}) });
          },
          onFallback: (f) => events.emit('chat.fallback', { ...ref, ...f }),
          onText: (delta, shown) => {
            live.firstTextAt ??= clock.now();
            text = shown;
            events.emit('chat.delta', { ...ref, text: delta });
            if (save && !cancelTimer) cancelTimer = clock.setTimeout(checkpoint, Math.max(0, CHECKPOINT_MS - (clock.now() - lastCheckpoint)), { unref: true });
          },
        },
        signal,
      );
      cancelTimer?.();
      const message = withSeams(answered(draft, result, deps.scrub ?? unchanged), live.seams);
      if (save) {
        tryWrite(() => store.putMessage(message));
        // A compared answer becomes the sticky one only when it is picked.
        if (!draft.setAside) tryWrite(() => store.setSticky(draft.conversationId, result.provider));
      }
      events.emit('chat.done', { message });
      if (save) deps.onAnswered?.(message);
      return message;
    } catch (error) {
      cancelTimer?.();
      const message = withSeams(failed(draft, error, text, deps, { ...live, endedAt: clock.now() }), live.seams);
      if (save) tryWrite(() => store.putMessage(message));
      events.emit('chat.error', { message });
      return message;
    }
  }

  return {
    send,
    compare,
    pick,
    regenerate,
    edit,
    cancel(messageId) {
      const entry = inFlight.get(messageId);
      entry?.abort.abort();
      return entry !== undefined;
    },
    streaming: (messageId) => inFlight.has(messageId),
    stopIn: (conversationId) => stopAll([...inFlight.values()].filter((f) => f.conversationId === conversationId)),
    close: () => stopAll([...inFlight.values()]),
  };
}

/** A conversation that exists only for this one message. */
function unsaved(title: string, now: number) {
  return { id: randomUUID(), title, createdAt: now, updatedAt: now, messageCount: 0, stickyProvider: undefined };
}

function withPinnedModel<T extends RouteChoice>(input: T, defaultModel: ChatServiceDeps['defaultModel']): T {
  if (!input.provider || input.model) return input;
  const model = defaultModel?.(input.provider);
  if (!model) throw new Error(`Choose a model for "${input.provider}": it lists none.`);
  return { ...input, model };
}
