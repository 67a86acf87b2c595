/**
 * A circuit breaker per provider, tuned for one person's low traffic: a few
 * consecutive failures open it (not an error rate, which needs volume), a
 * Retry-After opens it at once for exactly that long, and after the wait a cheap
 * probe decides whether it closes again.
 */
import type { ErrorKind } from '../../../../shared/errors.js';
import type { ProviderState } from './state.js';
import { seconds } from './time-and-words.js';

export interface BreakerTuning {
  /** Consecutive failures that open the breaker. */
  failureThreshold: number;
  /** How long it stays open after that, before the half-open probe. */
  cooldownMs: number;
}

export const DEFAULT_BREAKER: BreakerTuning = { failureThreshold: 3, cooldownMs: 30_000 };
const MAX_BACKOFF_MS = 60_000;
const MAX_PROBE_COOLDOWN_MS = 10 * 60_000;

/** Kinds that say the provider itself is unwell, as opposed to this request. */
const HEALTH_KINDS: ReadonlySet<ErrorKind> = new Set([
  'server',
  'overloaded',
  'timeout',
  'network',
  'stream_interrupted',
  'rate_limited',
]);

export type BreakerView = { state: 'closed' } | { state: 'open'; until: number; reason?: string } | { state: 'half_open' };

export function breakerView(ps: ProviderState | undefined, now: number): BreakerView {
  if (!ps || ps.breaker === 'closed' || ps.until === undefined) return { state: 'closed' };
  if (now < ps.until) return { state: 'open', until: ps.until, reason: ps.openReason };
  return { state: 'half_open' };
}

export function recordSuccess(ps: ProviderState): void {
  ps.rateLimitStreak = 0;
  closeAfterProbe(ps);
}

/**
 * The half-open probe succeeded. The 429 backoff streak is kept: a model list
 * answering says the service is up, not that our rate limit has lifted.
 */
export function closeAfterProbe(ps: ProviderState): void {
  ps.failures = 0;
  ps.probeFailures = 0;
  ps.breaker = 'closed';
  ps.until = undefined;
  ps.openReason = undefined;
}

/** Counts a failure, and opens the breaker when the provider asked for a wait or failed too often. */
export function recordFailure(ps: ProviderState, kind: ErrorKind, now: number, retryAfterMs: number | undefined, tuning: BreakerTuning): void {
  if (!HEALTH_KINDS.has(kind)) return;
  ps.failures += 1;
  if (kind === 'rate_limited') {
    const wait = retryAfterMs ?? Math.min(1000 * 2 ** ps.rateLimitStreak, MAX_BACKOFF_MS);
    ps.rateLimitStreak += 1;
    open(ps, now + wait, retryAfterMs !== undefined ? `retry after ${seconds(wait)}` : `rate limited, backing off ${seconds(wait)}`);
  } else if (retryAfterMs !== undefined) {
    open(ps, now + retryAfterMs, `retry after ${seconds(retryAfterMs)}`);
  } else if (ps.failures >= tuning.failureThreshold) {
    open(ps, now + tuning.cooldownMs, `${ps.failures} failures in a row`);
  }
}

/** The half-open probe failed: open again, waiting longer each time. */
export function recordProbeFailure(ps: ProviderState, now: number, tuning: BreakerTuning): void {
  ps.probeFailures += 1;
  const wait = Math.min(tuning.cooldownMs * 2 ** ps.probeFailures, MAX_PROBE_COOLDOWN_MS);
  open(ps, now + wait, 'health probe failed');
}

function open(ps: ProviderState, until: number, reason: string): void {
  // Never shorten a wait the provider already asked for.
  const keep = ps.breaker === 'open' && ps.until !== undefined && ps.until > until;
  ps.breaker = 'open';
  if (!keep) {
    ps.until = until;
    ps.openReason = reason;
  }
}
