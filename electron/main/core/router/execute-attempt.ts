/**
 * Runs one streamed call to one target and turns however it ends into an
 * AttemptResult; never throws. The adapter enforces the task type's timeouts and
 * ends at once on abort (see ProviderAdapter.stream), so this layer keeps no
 * timers and adds no promise of its own per chunk: it sits between the first
 * token and the user, where every microsecond shows.
 */
import type { Usage } from '../../../../shared/chat.js';
import { ProviderError } from '../providers/provider-error.js';
import type { ChatRequest, ProviderAdapter, RateLimitSnapshot, StreamEvent, StreamTimeouts, ToolCall } from '../providers/types.js';
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
  toolCalls?: ToolCall[];
  /** How the provider said the answer ended, when it did. */
  finishReason?: string;
  error?: ProviderError;
  /** Aborted because another attempt won the hedge race. */
  lostHedge?: boolean;
}

/** The abort reason a hedge race gives the attempt it stops because another one answered first. */
export const HEDGE_LOST = 'hedge_lost';

export interface AttemptInput {
  adapter: ProviderAdapter;
  provider: string;
  request: ChatRequest;
  timeouts: StreamTimeouts;
  clock: Clock;
  /** The user's cancel, or the hedge race's with `HEDGE_LOST` as its reason. */
  signal: AbortSignal;
  /**
   * The rate-limit headers of the response that opened, observed `at`. Called
   * once the first text has been passed on (or the attempt ended), so reading
   * them never delays the first token; no later target is chosen before then.
   */
  onOpen?(rateLimit: RateLimitSnapshot | undefined, at: number): void;
  /** Called with each piece of text; the first call marks the first token. */
  onText(text: string): void;
  /** A whole tool call; like text, it marks the first token. */
  onToolCall?(call: ToolCall): void;
}

type StopReason = 'hedge_lost' | 'cancelled';

/**
 * Starts the call at once and resolves with how it ended. It aborts with
 * `input.signal` and needs no controller of its own: only a hedge race stops
 * one attempt alone, and it owns a signal per attempt for that.
 */
export async function runAttempt(input: AttemptInput): Promise<AttemptResult> {
  const { signal } = input;
  const stopped = (): StopReason | undefined => (signal.aborted ? (signal.reason === HEDGE_LOST ? 'hedge_lost' : 'cancelled') : undefined);
  const { clock, provider } = input;
  const startedAt = clock.now();
  let text = '';
  let ttftMs: number | undefined;
  let requestId: string | undefined;
  let opened = false;
  let toolCalls: ToolCall[] | undefined;
  let openedBy: { event: Extract<StreamEvent, { type: 'open' }>; at: number } | undefined;
  const reportOpen = (): void => {
    if (!openedBy) return;
    const { event, at } = openedBy;
    openedBy = undefined;
    input.onOpen?.(event.rateLimit, at);
  };

  const finish = (extra: Partial<AttemptResult> & { ok: boolean }): AttemptResult => {
    reportOpen();
    return { text, startedAt, ms: clock.now() - startedAt, ttftMs, requestId, opened, ...(toolCalls ? { toolCalls } : {}), ...extra };
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
  let iterator: AsyncIterator<StreamEvent> | undefined;
  try {
    iterator = input.adapter.stream(input.request, { signal, timeouts: input.timeouts })[Symbol.asyncIterator]();
    for (;;) {
      const step = await iterator.next();
      if (stopped()) {
        release(iterator);
        return stoppedResult();
      }
      if (step.done) {
        // A stream that ends without `done` was cut, even if no error was raised.
        return fail(new ProviderError({ kind: 'stream_interrupted', provider, message: 'the stream ended without finishing' }));
      }
      const event = step.value;
      if (event.type === 'text') {
        if (event.text.length === 0) continue;
        if (ttftMs === undefined) ttftMs = clock.now() - startedAt;
        opened = true;
        text += event.text;
        input.onText(event.text);
        reportOpen();
      } else if (event.type === 'tool_call') {
        if (ttftMs === undefined) ttftMs = clock.now() - startedAt;
        opened = true;
        (toolCalls ??= []).push(event.call);
        input.onToolCall?.(event.call);
        reportOpen();
      } else if (event.type === 'open') {
        requestId = event.requestId ?? requestId;
        opened = true;
        openedBy = { event, at: clock.now() };
      } else {
        requestId = event.requestId ?? requestId;
        opened = true;
        release(iterator);
        return finish({ ok: true, usage: event.usage, ...(event.finishReason ? { finishReason: event.finishReason } : {}) });
      }
    }
  } catch (error) {
    if (stopped()) return stoppedResult();
    return fail(asProviderError(error, provider, text));
  }
}

/** Lets the adapter's generator finish (it closes its socket) without waiting for it. */
function release(iterator: AsyncIterator<StreamEvent>): void {
  void Promise.resolve()
    .then(() => iterator.return?.())
    .catch(() => undefined);
}

function asProviderError(error: unknown, provider: string, text: string): ProviderError {
  if (ProviderError.is(error)) return error;
  // Adapters promise ProviderError; anything else is a broken connection to us.
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError({ kind: text ? 'stream_interrupted' : 'network', provider, message, partialText: text || undefined, cause: error });
}
