/**
 * Runs one streamed call to one target and guards it with the task type's
 * timers on the injected clock: connect (until `open`), first token, and idle
 * between chunks. The adapter guards with the real clock too; guarding here as
 * well keeps tests with fake clocks deterministic. Never throws: every ending
 * becomes an AttemptResult.
 */
import type { Usage } from '../../../../shared/chat.js';
import { ProviderError } from '../providers/provider-error.js';
import type { ChatRequest, ProviderAdapter, RateLimitSnapshot, StreamEvent, StreamTimeouts } from '../providers/types.js';
import { deadlineTimer } from './deadline-timer.js';
import { seconds } from './time-and-words.js';
import type { Clock } from './types.js';

export interface AttemptResult {
  ok: boolean;
  /** Text this attempt produced (after any continued prefix). */
  text: string;
  startedAt: number;
  ms: number;
  /** The provider answered (headers or text): the call may be billed. */
  opened: boolean;
  ttftMs?: number;
  usage?: Usage;
  requestId?: string;
  error?: ProviderError;
  /** Aborted because another attempt won the hedge race. */
  lostHedge?: boolean;
}

export interface AttemptRun {
  readonly result: Promise<AttemptResult>;
  /** Stops the call; `hedge_lost` records that a faster attempt won. */
  abort(reason: 'hedge_lost' | 'cancelled'): void;
}

export interface AttemptInput {
  adapter: ProviderAdapter;
  provider: string;
  request: ChatRequest;
  timeouts: StreamTimeouts;
  clock: Clock;
  /** The user's cancel. */
  signal: AbortSignal;
  /**
   * The rate-limit headers of the response that opened, observed `at`. Called
   * once the first text has been passed on (or the attempt ended), so reading
   * them never delays the first token; no later target is chosen before then.
   */
  onOpen?(rateLimit: RateLimitSnapshot | undefined, at: number): void;
  /** Called with each piece of text; the first call marks the first token. */
  onText(text: string): void;
}

type Step =
  | { type: 'next'; result: IteratorResult<StreamEvent> }
  | { type: 'thrown'; error: unknown }
  | { type: 'timer' }
  | { type: 'stopped' };

export function startAttempt(input: AttemptInput): AttemptRun {
  const controller = new AbortController();
  let stopReason: 'hedge_lost' | 'cancelled' | undefined;
  let wake: (() => void) | undefined;
  const stop = (reason: 'hedge_lost' | 'cancelled'): void => {
    if (stopReason) return;
    stopReason = reason;
    controller.abort();
    wake?.();
  };
  const onParentAbort = (): void => stop('cancelled');
  if (input.signal.aborted) stopReason = 'cancelled';
  else input.signal.addEventListener('abort', onParentAbort, { once: true });

  const result = run(input, controller, () => stopReason, (fn) => (wake = fn)).finally(() =>
    input.signal.removeEventListener('abort', onParentAbort),
  );
  return { result, abort: stop };
}

async function run(
  input: AttemptInput,
  controller: AbortController,
  stopped: () => 'hedge_lost' | 'cancelled' | undefined,
  setWake: (fn: () => void) => void,
): Promise<AttemptResult> {
  const { clock, timeouts, provider } = input;
  const startedAt = clock.now();
  let text = '';
  let ttftMs: number | undefined;
  let requestId: string | undefined;
  let opened = false;
  let phase: 'connect' | 'first' | 'idle' = 'connect';
  let openedBy: { event: Extract<StreamEvent, { type: 'open' }>; at: number } | undefined;
  const reportOpen = (): void => {
    if (!openedBy) return;
    const { event, at } = openedBy;
    openedBy = undefined;
    input.onOpen?.(event.rateLimit, at);
  };

  const finish = (extra: Partial<AttemptResult> & { ok: boolean }): AttemptResult => {
    reportOpen();
    return { text, startedAt, ms: clock.now() - startedAt, ttftMs, requestId, opened, ...extra };
  };
  const fail = (error: ProviderError): AttemptResult => {
    if (text && error.partialText === undefined) error.partialText = text;
    return finish({ ok: false, error });
  };
  const stoppedResult = (): AttemptResult => {
    const reason = stopped();
    const error = new ProviderError({ kind: 'cancelled', provider, message: reason === 'hedge_lost' ? 'a faster provider answered first' : 'stopped', partialText: text || undefined });
    return finish({ ok: false, error, lostHedge: reason === 'hedge_lost' });
  };

  if (stopped()) return stoppedResult();
  let iterator: AsyncIterator<StreamEvent>;
  try {
    iterator = input.adapter.stream(input.request, { signal: controller.signal, timeouts })[Symbol.asyncIterator]();
  } catch (error) {
    return fail(asProviderError(error, provider, text));
  }
  const release = (): void => {
    // The generator may be parked on I/O; ask it to finish without waiting.
    void Promise.resolve()
      .then(() => iterator.return?.())
      .catch(() => undefined);
  };

  // One deadline timer and one pair of settle callbacks per attempt, not per chunk.
  let settleStep: ((step: Step) => void) | undefined;
  const timer = deadlineTimer(clock, () => settleStep?.({ type: 'timer' }));
  setWake(() => settleStep?.({ type: 'stopped' }));
  const toNext = (r: IteratorResult<StreamEvent>): void => settleStep?.({ type: 'next', result: r });
  const toThrown = (error: unknown): void => settleStep?.({ type: 'thrown', error });

  try {
    for (;;) {
      const limit = phase === 'connect' ? timeouts.connectMs : phase === 'first' ? timeouts.firstTokenMs : timeouts.idleMs;
      timer.wait(limit);
      const step = await new Promise<Step>((resolve) => {
        settleStep = resolve;
        iterator.next().then(toNext, toThrown);
      });
      settleStep = undefined;
      timer.pause();
      if (stopped()) {
        release();
        return stoppedResult();
      }
      if (step.type === 'stopped') continue;
      if (step.type === 'timer') {
        controller.abort();
        release();
        return fail(timeoutError(provider, phase, limit, text));
      }
      if (step.type === 'thrown') {
        return fail(asProviderError(step.error, provider, text));
      }
      if (step.result.done) {
        // A stream that ends without `done` was cut, even if no error was raised.
        return fail(new ProviderError({ kind: 'stream_interrupted', provider, message: 'the stream ended without finishing' }));
      }
      const event = step.result.value;
      if (event.type === 'open') {
        requestId = event.requestId ?? requestId;
        opened = true;
        openedBy = { event, at: clock.now() };
        if (phase === 'connect') phase = 'first';
      } else if (event.type === 'text') {
        if (event.text.length === 0) continue;
        if (ttftMs === undefined) ttftMs = clock.now() - startedAt;
        opened = true;
        text += event.text;
        phase = 'idle';
        input.onText(event.text);
        reportOpen();
      } else {
        requestId = event.requestId ?? requestId;
        opened = true;
        release();
        return finish({ ok: true, usage: event.usage });
      }
    }
  } finally {
    timer.stop();
  }
}

function timeoutError(provider: string, phase: 'connect' | 'first' | 'idle', ms: number, text: string): ProviderError {
  const what = phase === 'connect' ? 'no response' : phase === 'first' ? 'no first token' : 'the stream stalled';
  return new ProviderError({ kind: 'timeout', provider, message: `${what} after ${seconds(ms)}`, partialText: text || undefined });
}

function asProviderError(error: unknown, provider: string, text: string): ProviderError {
  if (ProviderError.is(error)) return error;
  // Adapters promise ProviderError; anything else is a broken connection to us.
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError({ kind: text ? 'stream_interrupted' : 'network', provider, message, partialText: text || undefined, cause: error });
}
