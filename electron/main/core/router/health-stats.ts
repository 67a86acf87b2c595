/**
 * Statistics over a rolling window of recent attempts per provider: the TTFT
 * percentiles that drive `fastest` and hedge delays, the health score that
 * drives `balanced`, and the counts the health panel shows.
 */
import type { Attempt } from '../../../../shared/chat.js';
import type { RecentAttempt, RouterSnapshot } from './state.js';

/** Attempts kept per provider. Small: one person's traffic, and it is persisted. */
export const RECENT_LIMIT = 50;
/** What "recent" means on the health panel. */
export const RECENT_WINDOW_MS = 60 * 60_000;

export function pushRecent(snapshot: RouterSnapshot, provider: string, entry: RecentAttempt): void {
  const list = snapshot.recent[provider] ?? [];
  list.push(entry);
  if (list.length > RECENT_LIMIT) list.splice(0, list.length - RECENT_LIMIT);
  snapshot.recent[provider] = list;
}

export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function ttfts(list: readonly RecentAttempt[] | undefined): number[] {
  return (list ?? []).flatMap((a) => (a.ok && a.ttftMs !== undefined ? [a.ttftMs] : []));
}

export function ttftPercentile(snapshot: RouterSnapshot, provider: string, p: number): number | undefined {
  return percentile(ttfts(snapshot.recent[provider]), p);
}

export interface RecentCounts {
  requests: number;
  failures: number;
  lastLatencyMs?: number;
}

export function recentCounts(snapshot: RouterSnapshot, provider: string, now: number): RecentCounts {
  const list = (snapshot.recent[provider] ?? []).filter((a) => now - a.at <= RECENT_WINDOW_MS);
  return {
    requests: list.length,
    failures: list.filter((a) => !a.ok).length,
    lastLatencyMs: list.at(-1)?.ms,
  };
}

/**
 * 0..1: the share of recent successes (optimistic for unknown providers)
 * times a latency factor that halves at one second of median TTFT.
 */
export function healthScore(snapshot: RouterSnapshot, provider: string): number {
  const list = snapshot.recent[provider] ?? [];
  const window = list.slice(-20);
  const successes = window.filter((a) => a.ok).length;
  // Laplace smoothing: one failure out of one is not a dead provider.
  const successRate = (successes + 1) / (window.length + 1);
  const p50 = percentile(ttfts(window), 50);
  const latency = p50 === undefined ? 1 : 1 / (1 + p50 / 1000);
  return successRate * latency;
}

/** What an attempt says about its provider's health; a cancel or a lost hedge says nothing. */
export function recentEntry(a: Attempt): RecentAttempt | undefined {
  if (a.outcome === 'ok') return { at: a.startedAt, ok: true, ms: a.ms, ...(a.ttftMs !== undefined ? { ttftMs: a.ttftMs } : {}) };
  if (a.outcome === 'error') return { at: a.startedAt, ok: false, ms: a.ms, ...(a.errorKind ? { kind: a.errorKind } : {}) };
  return undefined;
}
