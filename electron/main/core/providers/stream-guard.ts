/**
 * The owner of a provider stream's invariants, for every adapter:
 * - three timers, each measuring provider silence only (never the consumer's
 *   time): connect (until headers, i.e. the `open` event), first token (open →
 *   first text) and idle (between text chunks);
 * - the caller's abort ends the stream at once as `cancelled`;
 * - a stream that ends without `done` was cut (`stream_interrupted`);
 * - whatever the source throws leaves as a ProviderError, carrying the text
 *   already passed on as `partialText` and the response's request id.
 * When a timer fires or the caller aborts, the HTTP request is aborted at once.
 * The clock is injected so tests (the router's among them) can drive it.
 */
import { realClock, seconds, type Clock } from '../clock.js';
import { ProviderError } from './provider-error.js';
import type { CompletionResult, StreamEvent, StreamTimeouts, ToolCall } from './types.js';

export interface GuardOptions {
  provider: string;
  timeouts: StreamTimeouts;
  /** The caller's signal: aborting it ends the stream with `cancelled`. */
  signal: AbortSignal;
  clock?: Clock;
  /** Turns whatever the source throws into a ProviderError; `afterHeaders` says whether `open` was seen. */
  mapError?: (error: unknown, afterHeaders: boolean) => ProviderError;
}

type Phase = 'connect' | 'firstToken' | 'idle';

// Shown in the decision trace next to "timed out", so short and in seconds.
const PHASE_WORDS: Record<Phase, (ms: number) => string> = {
  connect: (ms) => `no response after ${seconds(ms)}`,
  firstToken: (ms) => `no first token after ${seconds(ms)}`,
  idle: (ms) => `the stream stalled for ${seconds(ms)}`,
};

export const STOPPED_BY_USER = 'Stopped by the user';

function defaultMapError(provider: string) {
  return (error: unknown): ProviderError =>
    ProviderError.is(error) ? error : new ProviderError({ kind: 'stream_interrupted', provider, message: String(error), cause: error });
}

/**
 * Wraps a stream source. `source` receives the signal the guard aborts on
 * timeout, cancel or early exit; it must send its HTTP request with it.
 */
export async function* guardStream(
  source: (signal: AbortSignal) => AsyncIterable<StreamEvent>,
  options: GuardOptions,
): AsyncGenerator<StreamEvent, void, undefined> {
  const { provider, timeouts } = options;
  const clock = options.clock ?? realClock;
  const mapError = options.mapError ?? defaultMapError(provider);
  const controller = new AbortController();
  let stopped: ProviderError | undefined;
  let wake: ((reason: ProviderError) => void) | undefined;
  let requestId: string | undefined;
  let partial = '';
  let phase: Phase = 'connect';
  let cancelTimer: (() => void) | undefined;

  const stop = (reason: ProviderError): void => {
    if (stopped) return;
    stopped = reason;
    controller.abort(reason);
    wake?.(reason);
  };
  const limitOf = (p: Phase): number => (p === 'connect' ? timeouts.connectMs : p === 'firstToken' ? timeouts.firstTokenMs : timeouts.idleMs);
  const waitOnProvider = (): void => {
    const ms = limitOf(phase);
    const words = PHASE_WORDS[phase](ms);
    cancelTimer = clock.setTimeout(() => stop(new ProviderError({ kind: 'timeout', provider, message: words, requestId })), ms);
  };
  const stopWaiting = (): void => {
    cancelTimer?.();
    cancelTimer = undefined;
  };
  const onCallerAbort = (): void => stop(new ProviderError({ kind: 'cancelled', provider, message: STOPPED_BY_USER, requestId }));
  /**
   * The one place an error is finished: it gets the text already passed on and
   * the id of the request it ends (an SDK's error after the headers has none), once, when it is built.
   */
  const final = (error: unknown): ProviderError => {
    const failure = ProviderError.is(error) ? error : mapError(error, phase !== 'connect');
    const partialText = failure.partialText ?? (partial === '' ? undefined : partial);
    const id = failure.requestId ?? requestId;
    return partialText === failure.partialText && id === failure.requestId ? failure : failure.with({ partialText, requestId: id });
  };

  if (options.signal.aborted) onCallerAbort();
  options.signal.addEventListener('abort', onCallerAbort, { once: true });

  let sawDone = false;
  let iterator: AsyncIterator<StreamEvent> | undefined;
  try {
    if (stopped) throw stopped;
    iterator = source(controller.signal)[Symbol.asyncIterator]();
    const pending = iterator;
    for (;;) {
      if (stopped) throw stopped;
      waitOnProvider();
      let result: IteratorResult<StreamEvent>;
      try {
        // A stop settles this at once; the source's own promise may reject later (an aborted fetch), unheard.
        result = await new Promise<IteratorResult<StreamEvent>>((resolve, reject) => {
          wake = reject;
          pending.next().then(resolve, reject);
        });
      } catch (error) {
        throw stopped ?? mapError(error, phase !== 'connect');
      } finally {
        wake = undefined;
        stopWaiting();
      }
      // SDKs end a stream quietly when its request is aborted.
      if (stopped) throw stopped;
      if (result.done) break;
      const event = result.value;
      if (event.type === 'open') {
        requestId = event.requestId;
        if (phase === 'connect') phase = 'firstToken';
      } else if (event.type === 'text') {
        if (event.text === '') continue;
        partial += event.text;
        phase = 'idle';
      } else if (event.type === 'tool_call') {
        phase = 'idle';
      } else {
        sawDone = true;
      }
      yield event;
      if (sawDone) return;
    }
    throw new ProviderError({ kind: 'stream_interrupted', provider, message: 'The stream ended before the provider finished the answer', requestId });
  } catch (error) {
    throw final(error);
  } finally {
    stopWaiting();
    options.signal.removeEventListener('abort', onCallerAbort);
    // Also covers a consumer that stops reading early: close the socket.
    if (!sawDone || stopped) controller.abort(stopped ?? new Error('stream closed by consumer'));
    void iterator?.return?.()?.catch(() => undefined);
  }
}

/** Drains a guarded stream into one whole answer, for callers that do not need text as it comes. */
export async function toCompletion(events: AsyncIterable<StreamEvent>): Promise<CompletionResult> {
  let text = '';
  const toolCalls: ToolCall[] = [];
  let open: Extract<StreamEvent, { type: 'open' }> | undefined;
  let done: Extract<StreamEvent, { type: 'done' }> | undefined;
  for await (const event of events) {
    if (event.type === 'open') open = event;
    else if (event.type === 'text') text += event.text;
    else if (event.type === 'tool_call') toolCalls.push(event.call);
    else done = event;
  }
  return {
    text,
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
    usage: done?.usage,
    finishReason: done?.finishReason,
    requestId: done?.requestId ?? open?.requestId,
    rateLimit: open?.rateLimit,
  };
}
