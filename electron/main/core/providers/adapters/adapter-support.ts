/**
 * Pieces every adapter shares: the non-streaming time budget, the live model
 * list with the catalog as offline default, and the health probe.
 */
import type { ModelList, ProbeResult } from '../../../../../shared/providers.js';
import type { Clock } from '../../clock.js';
import { modelInfoFor } from '../pricing/pricing.js';
import { ProviderError } from '../provider-error.js';
import type { StreamTimeouts } from '../types.js';

/** How long a model list or probe may take at most, whatever deadline the caller gives. */
export const LIST_TIMEOUT_MS = 10_000;

/**
 * Without streaming nothing arrives until the whole answer is written, so the
 * wait for headers gets the connect, first-token and idle budgets together.
 */
export function completeTimeouts(t: StreamTimeouts): StreamTimeouts {
  return { connectMs: t.connectMs + t.firstTokenMs + t.idleMs, firstTokenMs: t.idleMs, idleMs: t.idleMs };
}

/** A backstop for the SDK's own timer, well past ours, so our clearer error wins. */
export function sdkBackstopMs(t: StreamTimeouts): number {
  return (t.connectMs + t.firstTokenMs + t.idleMs) * 2 + 1000;
}

export function listSignal(signal: AbortSignal): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(LIST_TIMEOUT_MS)]);
}

/** Kinds that mean "cannot reach it right now": the catalog list stands in. */
const UNREACHABLE = new Set(['network', 'timeout', 'server', 'overloaded', 'model_not_found', 'bad_request']);

export async function modelsWithFallback(
  live: () => Promise<string[]>,
  fallback: { defaultModels: string[]; preset?: string },
): Promise<ModelList> {
  const priced = (ids: string[]) => ids.map((id) => modelInfoFor(fallback.preset, id));
  try {
    return { models: priced(await live()), source: 'live' };
  } catch (error) {
    if (!ProviderError.is(error) || !UNREACHABLE.has(error.kind)) throw error;
    return { models: priced(fallback.defaultModels), source: 'catalog', error: error.message };
  }
}

export async function probeWith(provider: string, clock: Clock, live: () => Promise<string[]>): Promise<ProbeResult> {
  const started = clock.now();
  try {
    const ids = await live();
    return { provider, ok: true, latencyMs: Math.max(0, clock.now() - started), modelCount: ids.length };
  } catch (error) {
    const failure = ProviderError.is(error) ? error : undefined;
    return {
      provider,
      ok: false,
      latencyMs: Math.max(0, clock.now() - started),
      errorKind: failure?.kind ?? 'network',
      message: failure?.message ?? String(error),
      requestId: failure?.requestId,
    };
  }
}

/** A whole (non-streamed) answer the provider marked as not finished. */
export function unfinished(provider: string, text: string, requestId: string | undefined): ProviderError {
  return new ProviderError({
    kind: 'stream_interrupted',
    provider,
    message: 'The provider returned an unfinished answer',
    requestId,
    partialText: text || undefined,
  });
}

/** A whole answer whose body held no answer at all (the shape was wrong). */
export function noAnswer(provider: string, requestId: string | undefined): ProviderError {
  return new ProviderError({ kind: 'stream_interrupted', provider, message: 'The response had no answer in it', requestId });
}
