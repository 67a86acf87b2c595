/**
 * The attempts table's core API: one row per call to a provider, whatever
 * started it (chat, compare, the CLI, the local API, a probe), and the
 * read-outs usage views build on. Statements are prepared once.
 *
 * A row is written on the next turn of the event loop, after the answer it
 * belongs to has been handed over, so no message waits on the insert; several
 * attempts of one turn share a transaction. Every read here writes what is
 * waiting first, so a reader in this process never misses a row, and `flush`
 * writes it before the database closes.
 */
import type { Database } from 'better-sqlite3';
import type { Attempt, AttemptSource } from '../../../../../shared/chat.js';
import { attemptFromRow, type AttemptRow } from '../conversations/message-rows.js';
import type { LedgerUsage, SettledAttempt } from '../../router/types.js';
import type { RecentAttempt } from '../../router/state.js';
import { RECENT_LIMIT } from '../../router/health-stats.js';
import { createAttemptReadouts, type AttemptReadouts } from './attempt-readouts.js';

export type { AttemptSource };

/** One provider's use on one local calendar day. */
export interface DailyUsage {
  day: string;
  provider: string;
  attempts: number;
  failures: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
}

export interface AttemptStore extends AttemptReadouts {
  /** Queues the row; it is written on the next turn, or at the next read or flush. */
  record(entry: SettledAttempt): void;
  /** Writes the row now, in the caller's transaction if there is one; throws when it cannot. */
  recordNow(entry: SettledAttempt): void;
  /** Writes every queued row now; a failure goes to the write-error listener. */
  flush(): void;
  /** Told when queued rows could not be written (a full or locked disk); the answers themselves went on. */
  onWriteError(listener: (error: unknown) => void): void;
  /** The attempts of these messages, in the order they were made. */
  forMessages(messageIds: readonly string[]): Map<string, Attempt[]>;
  /** Per provider and local day, for attempts started in [from, to). */
  usageByDay(from: number, to: number): DailyUsage[];
  /** Quota use per provider since `dayStart`, and spend since `dayStart` and since `monthStart`. */
  quotaUsage(dayStart: number, monthStart: number): LedgerUsage;
  /** The latest attempts per provider that say something about its health (no probes, cancels or lost hedges). */
  recent(limit?: number): Record<string, RecentAttempt[]>;
}

export function createAttemptStore(db: Database): AttemptStore {
  const insert = db.prepare(`
    INSERT INTO attempts (message_id, source, provider, model, task_type, outcome, error_kind, http_status, error_message,
      request_id, started_at, ttft_ms, total_ms, tokens_in, tokens_out, cost_usd, fallback, hedge, continuation,
      quota_tokens, quota_requests, price_version, reported_cost_usd)
    -- A message deleted while its answer streamed leaves the attempt on record, unlinked.
    VALUES ((SELECT id FROM messages WHERE id = @message_id), @source, @provider, @model, @task_type, @outcome, @error_kind,
      @http_status, @error_message, @request_id, @started_at, @ttft_ms, @total_ms, @tokens_in, @tokens_out, @cost_usd,
      @fallback, @hedge, @continuation, @quota_tokens, @quota_requests, @price_version, @reported_cost_usd)`);
  const byMessages = db.prepare<[string]>(`
    SELECT * FROM attempts WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY id`);
  const byDay = db.prepare<[number, number]>(`
    SELECT date(started_at / 1000, 'unixepoch', 'localtime') AS day, provider, count(*) AS attempts,
      sum(outcome = 'error') AS failures, coalesce(sum(tokens_in), 0) AS tokensIn, coalesce(sum(tokens_out), 0) AS tokensOut,
      coalesce(sum(cost_usd), 0) AS costUsd
    FROM attempts WHERE started_at >= ? AND started_at < ? GROUP BY day, provider ORDER BY day, provider`);
  const quotas = db.prepare<[number]>(`
    SELECT provider, sum(quota_requests) AS requests, sum(quota_tokens) AS tokens, coalesce(sum(cost_usd), 0) AS cost
    FROM attempts WHERE started_at >= ? GROUP BY provider`);
  const monthSpend = db.prepare<[number]>('SELECT coalesce(sum(cost_usd), 0) FROM attempts WHERE started_at >= ?').pluck();
  const providers = db.prepare("SELECT DISTINCT provider FROM attempts WHERE source <> 'probe'").pluck();
  const latest = db.prepare<[string, number]>(`
    SELECT started_at, outcome, total_ms, ttft_ms, error_kind FROM attempts
    WHERE provider = ? AND source <> 'probe' AND outcome IN ('ok', 'error') ORDER BY started_at DESC, id DESC LIMIT ?`);

  const readouts = createAttemptReadouts(db);
  let queued: Record<string, unknown>[] = [];
  let scheduled = false;
  const errorListeners: ((error: unknown) => void)[] = [];
  const insertAll = db.transaction((rows: Record<string, unknown>[]) => rows.forEach((row) => insert.run(row)));
  function flush(): void {
    if (queued.length === 0) return;
    const rows = queued;
    queued = [];
    try {
      insertAll(rows);
    } catch (error) {
      for (const listener of errorListeners) listener(error);
    }
  }
  const before = <A extends unknown[], R>(read: (...args: A) => R) => (...args: A): R => {
    flush();
    return read(...args);
  };

  return {
    flush,
    onWriteError: (listener) => void errorListeners.push(listener),
    recordNow: (entry) => void insert.run(rowOf(entry)),
    record(entry) {
      queued.push(rowOf(entry));
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        flush();
      });
    },
    forMessages: before((messageIds: readonly string[]) => {
      const found = new Map<string, Attempt[]>();
      if (messageIds.length === 0) return found;
      for (const row of byMessages.all(JSON.stringify(messageIds)) as AttemptRow[]) {
        const attempt = attemptFromRow(row);
        if (!attempt || row.message_id === null) continue;
        const list = found.get(row.message_id) ?? [];
        list.push(attempt);
        found.set(row.message_id, list);
      }
      return found;
    }),
    health: before(readouts.health),
    usage: before(readouts.usage),
    usageByDay: before((from: number, to: number) => byDay.all(from, to) as DailyUsage[]),
    quotaUsage: before((dayStart: number, monthStart: number) => {
      const usage: LedgerUsage = { providers: {}, dayUsd: 0, monthUsd: monthSpend.get(monthStart) as number };
      for (const row of quotas.all(dayStart) as { provider: string; requests: number; tokens: number; cost: number }[]) {
        if (row.requests > 0 || row.tokens > 0) usage.providers[row.provider] = { requests: row.requests, tokens: row.tokens };
        usage.dayUsd += row.cost;
      }
      return usage;
    }),
    recent: before((limit: number = RECENT_LIMIT) => {
      const result: Record<string, RecentAttempt[]> = {};
      for (const provider of providers.all() as string[]) {
        const rows = latest.all(provider, limit) as { started_at: number; outcome: string; total_ms: number; ttft_ms: number | null; error_kind: string | null }[];
        result[provider] = rows.reverse().map((r) => ({
          at: r.started_at,
          ok: r.outcome === 'ok',
          ms: r.total_ms,
          ...(r.ttft_ms !== null && r.outcome === 'ok' ? { ttftMs: r.ttft_ms } : {}),
          ...(r.error_kind !== null ? { kind: r.error_kind as RecentAttempt['kind'] & string } : {}),
        }));
      }
      return result;
    }),
  };
}

function rowOf(entry: SettledAttempt): Record<string, unknown> {
  const a = entry.attempt;
  return {
    message_id: entry.messageId ?? null,
    source: entry.source,
    provider: a.provider,
    model: a.model,
    task_type: entry.taskType ?? null,
    outcome: a.outcome,
    error_kind: a.errorKind ?? null,
    http_status: a.status ?? null,
    error_message: a.message ?? null,
    request_id: a.requestId ?? null,
    started_at: a.startedAt,
    ttft_ms: a.ttftMs ?? null,
    total_ms: a.ms,
    tokens_in: a.usage?.inputTokens ?? null,
    tokens_out: a.usage?.outputTokens ?? null,
    cost_usd: a.costUsd ?? null,
    fallback: entry.fallback ? 1 : 0,
    hedge: a.hedge ? 1 : 0,
    continuation: a.continuation ? 1 : 0,
    quota_tokens: entry.quota.tokens,
    quota_requests: entry.quota.requests,
    price_version: a.priceVersion ?? null,
    reported_cost_usd: a.reportedCostUsd ?? null,
  };
}
