/**
 * The usage view's figures: calls to providers grouped by day, provider,
 * model, task type or source, as read from the attempts table. The CSV form is
 * built here once, so the app's export and `switchboard usage --csv` agree.
 */
import { z } from 'zod';

export const USAGE_GROUPS = ['day', 'provider', 'model', 'task', 'source'] as const;
export const UsageGroupSchema = z.enum(USAGE_GROUPS);
export type UsageGroup = z.infer<typeof UsageGroupSchema>;

/** One group. A request is one call to a provider: a fallback or a hedge is a request of its own. */
export const UsageRowSchema = z.object({
  key: z.string(),
  requests: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  tokensIn: z.number().int().nonnegative(),
  tokensOut: z.number().int().nonnegative(),
  costUsd: z.number().nonnegative(),
  /** Calls made after an earlier call of the same message failed. */
  fallbacks: z.number().int().nonnegative(),
  /** Calls started as a hedge, racing a slow primary. */
  hedges: z.number().int().nonnegative(),
  /** What the providers themselves reported charging (OpenRouter), where any call in the group reported it. */
  reportedCostUsd: z.number().nonnegative().optional(),
});
export type UsageRow = z.infer<typeof UsageRowSchema>;

export const UsageReportSchema = z.object({
  since: z.string(),
  by: UsageGroupSchema,
  rows: z.array(UsageRowSchema),
  total: UsageRowSchema,
  /** Each provider's share of all requests in the period, largest first, whatever the grouping. */
  shares: z.array(z.object({ provider: z.string(), requests: z.number().int().nonnegative(), share: z.number().min(0).max(1) })),
  /** The budgets the user set and what was spent against them (today, this month). */
  budgets: z.object({
    dailyUsd: z.number().optional(),
    monthlyUsd: z.number().optional(),
    spentTodayUsd: z.number().nonnegative(),
    spentMonthUsd: z.number().nonnegative(),
  }),
});
export type UsageReport = z.infer<typeof UsageReportSchema>;

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function totalOf(rows: readonly UsageRow[]): UsageRow {
  const total: UsageRow = { key: 'total', requests: 0, failures: 0, tokensIn: 0, tokensOut: 0, costUsd: 0, fallbacks: 0, hedges: 0 };
  for (const r of rows) {
    total.requests += r.requests;
    total.failures += r.failures;
    total.tokensIn += r.tokensIn;
    total.tokensOut += r.tokensOut;
    total.costUsd += r.costUsd;
    total.fallbacks += r.fallbacks;
    total.hedges += r.hedges;
    if (r.reportedCostUsd !== undefined) total.reportedCostUsd = (total.reportedCostUsd ?? 0) + r.reportedCostUsd;
  }
  return total;
}

export const rate = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

/** Rows grouped by provider as each one's share of the requests, largest first (ties by name). */
export function requestShares(byProvider: readonly UsageRow[]): UsageReport['shares'] {
  const total = byProvider.reduce((n, r) => n + r.requests, 0);
  return byProvider
    .map((r) => ({ provider: r.key, requests: r.requests, share: rate(r.requests, total) }))
    .sort((x, y) => y.requests - x.requests || x.provider.localeCompare(y.provider));
}

const CSV_COLUMNS = ['requests', 'failures', 'tokens_in', 'tokens_out', 'cost_usd', 'fallback_rate', 'hedge_rate', 'reported_cost_usd'] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function usageCsv(report: Pick<UsageReport, 'by' | 'rows'>): string {
  const lines = [[report.by, ...CSV_COLUMNS].join(',')];
  for (const r of report.rows) {
    const values = [r.requests, r.failures, r.tokensIn, r.tokensOut, r.costUsd.toFixed(6), rate(r.fallbacks, r.requests).toFixed(4), rate(r.hedges, r.requests).toFixed(4), r.reportedCostUsd?.toFixed(6) ?? ''];
    lines.push([csvField(r.key), ...values.map(String)].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
