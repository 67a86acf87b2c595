/**
 * The router's ledger over the attempts table. Planning a message reads quota
 * use, spend and recent latency; re-querying them for every message would put
 * an aggregate over the day's attempts on its path (over 1 ms once a day holds
 * a few thousand), so the figures are cached. An attempt of our own is added to
 * the cache as it is written, with the same numbers; a commit by another process
 * (SQLite's data_version) or a new local day makes the next read query again.
 * Each figure therefore always equals what the table holds.
 */
import type { Database } from 'better-sqlite3';
import { recentEntry as recentOf } from '../../router/health-stats.js';
import { RECENT_LIMIT, RECENT_WINDOW_MS } from '../../router/health-stats.js';
import type { AttemptLedger, LedgerUsage, SettledAttempt } from '../../router/types.js';
import type { RecentAttempt } from '../../router/state.js';
import type { AttemptStore } from './attempt-store.js';

export interface LedgerOptions {
  /** Removes known keys from provider-supplied text before it is stored. */
  scrub?: (text: string) => string;
  /** Told when a write fails (a full or locked disk); the answer itself goes on. */
  onWriteError?: (error: unknown) => void;
  /** Told after each attempt is recorded: every figure of the health panel may have moved. */
  onRecorded?: () => void;
}

export function createAttemptLedger(db: Database, store: AttemptStore, options: LedgerOptions = {}): AttemptLedger {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let usageCache: { key: string; dayStart: number; monthStart: number; value: LedgerUsage } | undefined;
  let recentCache: { key: string; value: Record<string, RecentAttempt[]> } | undefined;
  const version = (): string => String(dataVersion.get());
  if (options.onWriteError) store.onWriteError(options.onWriteError);

  /** Adds an attempt this process just wrote to figures that were current before it. */
  function addToCache(entry: SettledAttempt): void {
    const key = version();
    const a = entry.attempt;
    if (usageCache?.key.startsWith(`${key}:`)) {
      const u = usageCache.value;
      if (a.startedAt >= usageCache.monthStart) u.monthUsd += a.costUsd ?? 0;
      if (a.startedAt >= usageCache.dayStart) {
        u.dayUsd += a.costUsd ?? 0;
        if (entry.quota.requests > 0 || entry.quota.tokens > 0) {
          const used = u.providers[a.provider] ?? { requests: 0, tokens: 0 };
          u.providers[a.provider] = { requests: used.requests + entry.quota.requests, tokens: used.tokens + entry.quota.tokens };
        }
      }
    } else usageCache = undefined;
    if (recentCache?.key === key) {
      const recent = entry.source === 'probe' ? undefined : recentOf(a);
      if (recent) {
        const list = [...(recentCache.value[a.provider] ?? []), recent].sort((x, y) => x.at - y.at).slice(-RECENT_LIMIT);
        recentCache.value = { ...recentCache.value, [a.provider]: list };
      }
    } else recentCache = undefined;
  }

  return {
    record(entry) {
      const a = entry.attempt;
      const scrub = options.scrub;
      const attempt = scrub ? { ...a, ...(a.message ? { message: scrub(a.message) } : {}), ...(a.requestId ? { requestId: scrub(a.requestId) } : {}) } : a;
      store.record({ ...entry, attempt });
      addToCache({ ...entry, attempt });
      options.onRecorded?.();
    },
    usage(now) {
      const { dayStart, monthStart } = periodStarts(now);
      const key = `${version()}:${dayStart}:${monthStart}`;
      if (usageCache?.key !== key) usageCache = { key, dayStart, monthStart, value: store.quotaUsage(dayStart, monthStart) };
      return structuredClone(usageCache.value);
    },
    health(now) {
      const { dayStart, monthStart } = periodStarts(now);
      return store.health(now - RECENT_WINDOW_MS, dayStart, monthStart);
    },
    recent() {
      const key = version();
      if (recentCache?.key !== key) recentCache = { key, value: store.recent() };
      return recentCache.value;
    },
  };
}

/** Local midnight of `now`'s day and of the first of its month, as the quota and budget periods. */
export function periodStarts(now: number): { dayStart: number; monthStart: number } {
  const d = new Date(now);
  return {
    dayStart: new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(),
    monthStart: new Date(d.getFullYear(), d.getMonth(), 1).getTime(),
  };
}
