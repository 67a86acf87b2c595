/**
 * The attempts table read for the health panel and the usage view. Both are
 * plain aggregates of the rows, so what the panel, `switchboard health`,
 * `switchboard usage` and the router say can never disagree with the record.
 */
import type { Database } from 'better-sqlite3';
import type { ErrorKind } from '../../../../../shared/errors.js';
import type { UsageGroup, UsageRow } from '../../../../../shared/usage.js';
import type { HealthRows, HealthRowSample } from '../../router/types.js';

const GROUP_SQL: Record<UsageGroup, string> = {
  day: "date(started_at / 1000, 'unixepoch', 'localtime')",
  provider: 'provider',
  model: "provider || '/' || model",
  task: "coalesce(task_type, '(none)')",
  source: 'source',
};

/** At most this many recent calls per provider feed the health figures. */
const WINDOW_LIMIT = 200;

export interface AttemptReadouts {
  /** Recent calls since `since` (probes apart), today's and this month's figures, and the last error per provider. */
  health(since: number, dayStart: number, monthStart: number): HealthRows;
  /** Calls since `since`, grouped; ordered by the group's key. */
  usage(since: number, by: UsageGroup): UsageRow[];
}

export function createAttemptReadouts(db: Database): AttemptReadouts {
  const window = db.prepare<[number, number]>(`
    SELECT provider, started_at, outcome, total_ms, ttft_ms, tokens_out, error_kind FROM (
      SELECT *, row_number() OVER (PARTITION BY provider ORDER BY started_at DESC, id DESC) AS n
      FROM attempts WHERE started_at >= ? AND source <> 'probe'
    ) WHERE n <= ? ORDER BY started_at, id`);
  const periods = db.prepare<[number, number, number, number, number, number]>(`
    SELECT provider,
      sum(started_at >= ? AND source <> 'probe') AS requests,
      coalesce(sum(CASE WHEN started_at >= ? THEN coalesce(tokens_in, 0) + coalesce(tokens_out, 0) END), 0) AS tokens,
      coalesce(sum(CASE WHEN started_at >= ? THEN quota_requests END), 0) AS quotaRequests,
      coalesce(sum(CASE WHEN started_at >= ? THEN quota_tokens END), 0) AS quotaTokens,
      coalesce(sum(CASE WHEN started_at >= ? THEN cost_usd END), 0) AS costToday,
      coalesce(sum(cost_usd), 0) AS costMonth
    FROM attempts WHERE started_at >= ? GROUP BY provider`);
  const lastErrors = db.prepare(`
    SELECT provider, error_kind, error_message, started_at, request_id FROM attempts
    WHERE id IN (SELECT max(id) FROM attempts WHERE outcome = 'error' GROUP BY provider)`);
  const usageBy = Object.fromEntries(
    Object.entries(GROUP_SQL).map(([by, expr]) => [
      by,
      db.prepare<[number]>(`
        SELECT ${expr} AS key, count(*) AS requests, sum(outcome = 'error') AS failures,
          coalesce(sum(tokens_in), 0) AS tokensIn, coalesce(sum(tokens_out), 0) AS tokensOut,
          coalesce(sum(cost_usd), 0) AS costUsd, sum(fallback) AS fallbacks, sum(hedge) AS hedges,
          sum(reported_cost_usd) AS reportedCostUsd
        FROM attempts WHERE started_at >= ? GROUP BY key ORDER BY key`),
    ]),
  ) as Record<UsageGroup, ReturnType<Database['prepare']>>;

  return {
    health(since, dayStart, monthStart) {
      const rows: HealthRows = { recent: {}, periods: {}, lastError: {} };
      type W = { provider: string; started_at: number; outcome: HealthRowSample['outcome']; total_ms: number; ttft_ms: number | null; tokens_out: number | null; error_kind: string | null };
      for (const r of window.all(since, WINDOW_LIMIT) as W[]) {
        const sample: HealthRowSample = { at: r.started_at, outcome: r.outcome, ms: r.total_ms };
        if (r.ttft_ms !== null) sample.ttftMs = r.ttft_ms;
        if (r.tokens_out !== null) sample.tokensOut = r.tokens_out;
        if (r.error_kind !== null) sample.kind = r.error_kind as ErrorKind;
        (rows.recent[r.provider] ??= []).push(sample);
      }
      type P = { provider: string; requests: number; tokens: number; quotaRequests: number; quotaTokens: number; costToday: number; costMonth: number };
      for (const p of periods.all(dayStart, dayStart, dayStart, dayStart, dayStart, monthStart) as P[]) {
        rows.periods[p.provider] = {
          requestsToday: p.requests ?? 0,
          tokensToday: p.tokens,
          quotaRequests: p.quotaRequests,
          quotaTokens: p.quotaTokens,
          costTodayUsd: p.costToday,
          costMonthUsd: p.costMonth,
        };
      }
      type E = { provider: string; error_kind: string | null; error_message: string | null; started_at: number; request_id: string | null };
      for (const e of lastErrors.all() as E[]) {
        rows.lastError[e.provider] = {
          kind: (e.error_kind ?? 'internal') as ErrorKind,
          message: e.error_message ?? '',
          at: e.started_at,
          ...(e.request_id ? { requestId: e.request_id } : {}),
        };
      }
      return rows;
    },
    usage: (since, by) =>
      (usageBy[by].all(since) as (Omit<UsageRow, 'reportedCostUsd'> & { reportedCostUsd: number | null })[]).map(({ reportedCostUsd, ...row }) =>
        reportedCostUsd === null ? row : { ...row, reportedCostUsd },
      ),
  };
}
