/**
 * Runs one adapter call under the stream guard with a fresh fetch tap, and maps
 * failures with what the tap saw. Shared by all three adapters.
 */
import type { Clock } from '../../clock.js';
import type { ProviderError } from '../provider-error.js';
import { collectStream, guardStream } from '../stream-guard.js';
import type { CompletionResult, StreamEvent, StreamTimeouts } from '../types.js';
import { tapFetch, type ResponseTap } from './response-tap.js';

export interface GuardedCall {
  provider: string;
  clock: Clock;
  fetch?: typeof fetch;
  timeouts: StreamTimeouts;
  signal: AbortSignal;
  /** Must send its request through `tap.fetch`, which is tied to the guard's signal. */
  source: (tap: ResponseTap) => AsyncIterable<StreamEvent>;
  /** Check NDJSON bodies line by line (Ollama), since ollama-js skips broken lines silently. */
  strictNdjson?: boolean;
  mapError: (error: unknown, afterHeaders: boolean, tap: ResponseTap | undefined) => ProviderError;
}

export function guardedCall(call: GuardedCall): AsyncGenerator<StreamEvent, void, undefined> {
  let tap: ResponseTap | undefined;
  return guardStream(
    (signal) => {
      tap = tapFetch(call.fetch, signal, { strictNdjson: call.strictNdjson });
      return call.source(tap);
    },
    {
      provider: call.provider,
      timeouts: call.timeouts,
      signal: call.signal,
      clock: call.clock,
      // A 2xx status seen by the tap also counts: a non-streamed body can break after it.
      mapError: (error, afterHeaders) =>
        call.mapError(error, afterHeaders || (tap?.last !== undefined && tap.last.status < 400), tap),
    },
  );
}

export async function toCompletion(events: AsyncIterable<StreamEvent>): Promise<CompletionResult> {
  const { text, open, done, toolCalls } = await collectStream(events);
  return {
    text,
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
    usage: done?.usage,
    finishReason: done?.finishReason,
    requestId: done?.requestId ?? open?.requestId,
    rateLimit: open?.rateLimit,
  };
}
