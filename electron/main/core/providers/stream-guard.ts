/**
 * The one place timeouts and cancellation are enforced on a provider stream.
 * Three timers, each measuring provider silence only (never the consumer's time):
 * connect (until headers, i.e. the `open` event), first token (open → first
 * text) and idle (between text chunks). When one fires, or the caller aborts,
 * the underlying request is aborted at once and a ProviderError is thrown naming
 * what happened. Any failure after text carries that text as `partialText`.
 * The clock is injected so tests (the router's among them) can drive it deterministically.
 */
import { deadlineTimer } from './deadline-timer.js';
import { seconds } from '../router/time-and-words.js';
import { realClock, type Clock } from '../router/types.js';
import { ProviderError } from './provider-error.js';
import type { StreamEvent, StreamTimeouts, ToolCall } from './types.js';

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

function defaultMapError(provider: string) {
  return (error: unknown): ProviderError =>
    ProviderError.is(error)
      ? error
      : new ProviderError({ kind: 'stream_interrupted', provider, message: String(error), cause: error });
}

/**
 * Wraps a stream source. `source` receives the controller the guard aborts on
 * timeout, cancel or early exit; it must send its HTTP request with that
 * controller's signal, and may abort it itself (an SDK's own timer).
 */
export async function* guardStream(
  source: (controller: AbortController) => AsyncIterable<StreamEvent>,
  options: GuardOptions,
): AsyncGenerator<StreamEvent, void, undefined> {
  const clock = options.clock ?? realClock;
  const mapError = options.mapError ?? defaultMapError(options.provider);
  const controller = new AbortController();
  let stopped: ProviderError | undefined;
  let wake: ((reason: ProviderError) => void) | undefined;
  let requestId: string | undefined;
  let partial = '';
  let phase: Phase = 'connect';
  let limitMs = options.timeouts.connectMs;

  const stop = (reason: ProviderError): void => {
    if (stopped) return;
    stopped = reason;
    controller.abort(reason);
    wake?.(reason);
  };
  const timer = deadlineTimer(clock, () =>
    stop(new ProviderError({ kind: 'timeout', provider: options.provider, message: PHASE_WORDS[phase](limitMs), requestId })),
  );
  const onCallerAbort = (): void =>
    stop(new ProviderError({ kind: 'cancelled', provider: options.provider, message: 'Stopped by the user', requestId }));

  if (options.signal.aborted) onCallerAbort();
  options.signal.addEventListener('abort', onCallerAbort, { once: true });

  let finished = false;
  let sawDone = false;
  let iterator: AsyncIterator<StreamEvent> | undefined;
  try {
    if (stopped) throw stopped;
    // The connect budget runs from the start until the first event, and only then.
    timer.wait(limitMs);
    iterator = source(controller)[Symbol.asyncIterator]();
    const pending = iterator;
    for (;;) {
      if (stopped) throw stopped;
      if (phase !== 'connect') timer.wait((limitMs = phase === 'firstToken' ? options.timeouts.firstTokenMs : options.timeouts.idleMs));
      let result: IteratorResult<StreamEvent>;
      try {
        // One promise per chunk that a stop can settle at once; the source's own
        // promise may reject later (aborted fetch), which lands here unheard.
        result = await new Promise<IteratorResult<StreamEvent>>((resolve, reject) => {
          wake = reject;
          pending.next().then(resolve, reject);
        });
      } catch (error) {
        throw stopped ?? mapError(error, phase !== 'connect');
      } finally {
        wake = undefined;
      }
      // SDKs end a stream quietly when its request is aborted.
      if (stopped) throw stopped;
      timer.pause();
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
    }
    if (!sawDone) {
      throw new ProviderError({
        kind: 'stream_interrupted',
        provider: options.provider,
        message: 'The stream ended before the provider finished the answer',
        requestId,
      });
    }
    finished = true;
  } catch (error) {
    const failure = ProviderError.is(error) ? error : mapError(error, phase !== 'connect');
    if (partial !== '' && failure.partialText === undefined) failure.partialText = partial;
    throw failure;
  } finally {
    timer.stop();
    options.signal.removeEventListener('abort', onCallerAbort);
    if (!finished) {
      // Also covers a consumer that stops reading early: close the socket. Once
      // `done` was read the answer is complete and the body consumed, so there is
      // nothing left to abort (and aborting costs a round of abort events).
      if (!sawDone || stopped) controller.abort(stopped ?? new Error('stream closed by consumer'));
      void iterator?.return?.()?.catch(() => undefined);
    }
  }
}

/** Drains a guarded stream into one result, for callers that do not need text as it comes. */
export async function collectStream(events: AsyncIterable<StreamEvent>): Promise<{
  text: string;
  open?: Extract<StreamEvent, { type: 'open' }>;
  done?: Extract<StreamEvent, { type: 'done' }>;
  toolCalls: ToolCall[];
}> {
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
  return { text, open, done, toolCalls };
}
