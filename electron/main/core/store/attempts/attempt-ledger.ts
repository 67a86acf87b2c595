/**
 * The router's ledger over the attempts table. Planning a message reads quota
 * use, spend and recent latency; re-querying them for every message would put
 * SQL on its path, so the figures are cached until the table changes: a write
 * of our own, or a commit by another process (SQLite's data_version), or a new
 * local day. Each figure therefore always equals what the table holds.
 */
import type { Database } from 'better-sqlite3';
import type { AttemptLedger, LedgerUsage } from '../../router/types.js';
import type { RecentAttempt } from '../../router/state.js';
import type { AttemptStore } from './attempt-store.js';

export interface LedgerOptions {
  /** Removes known keys from provider-supplied text before it is stored. */
  scrub?: (text: string) => string;
  /** Told when a write fails (a full or locked disk); the answer itself goes on. */
  onWriteError?: (error: unknown) => void;
}

export function createAttemptLedger(db: Database, store: AttemptStore, options: LedgerOptions = {}): AttemptLedger {
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let ownWrites = 0;
  let usageCache: { key: string; value: LedgerUsage } | undefined;
  let recentCache: { key: string; value: Record<string, RecentAttempt[]> } | undefined;
  const version = (): string => `${String(dataVersion.get())}:${ownWrites}`;

  return {
    record(entry) {
      const a = entry.attempt;
      const scrub = options.scrub;
      const attempt = scrub ? { ...a, ...(a.message ? { message: scrub(a.message) } : {}), ...(a.requestId ? { requestId: scrub(a.requestId) } : {}) } : a;
      try {
        store.record({ ...entry, attempt });
        ownWrites += 1;
      } catch (error) {
        options.onWriteError?.(error);
      }
    },
    usage(now) {
      const { dayStart, monthStart } = periodStarts(now);
      const key = `${version()}:${dayStart}:${monthStart}`;
      if (usageCache?.key !== key) usageCache = { key, value: store.quotaUsage(dayStart, monthStart) };
      return structuredClone(usageCache.value);
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
