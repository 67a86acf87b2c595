/** Usage grouped from the attempts table, with the budgets beside what was spent: the usage view and `switchboard usage`. */
import type { Settings } from '../../../shared/settings.js';
import { requestShares, totalOf, type UsageGroup, type UsageReport } from '../../../shared/usage.js';
import type { AttemptStore } from './store/attempts/attempt-store.js';
import { periodStarts } from './store/attempts/attempt-ledger.js';

/** Local midnight of a YYYY-MM-DD day; the first of `now`'s month when none is given. */
export function sinceOf(day: string | undefined, now: number): { since: string; from: number } {
  if (day === undefined) {
    const { monthStart } = periodStarts(now);
    return { since: localDay(monthStart), from: monthStart };
  }
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const from = new Date(y, m - 1, d).getTime();
  // 2025-02-31 would quietly become March 3rd.
  if (Number.isNaN(from) || localDay(from) !== day) throw new RangeError(`"${day}" is not a calendar day (use YYYY-MM-DD)`);
  return { since: day, from };
}

/** The groups alone, for hosts without settings (`switchboard usage`). */
export function usageRows(attempts: AttemptStore, query: { since?: string; by: UsageGroup }, now: number): Omit<UsageReport, 'budgets' | 'shares'> {
  const { since, from } = sinceOf(query.since, now);
  const rows = attempts.usage(from, query.by);
  return { since, by: query.by, rows, total: totalOf(rows) };
}

export function usageReport(attempts: AttemptStore, settings: Settings, query: { since?: string; by: UsageGroup }, now: number): UsageReport {
  const { dayStart, monthStart } = periodStarts(now);
  const spent = attempts.quotaUsage(dayStart, monthStart);
  const budgets = settings.budgets;
  const rows = usageRows(attempts, query, now);
  return {
    ...rows,
    shares: requestShares(query.by === 'provider' ? rows.rows : attempts.usage(sinceOf(query.since, now).from, 'provider')),
    budgets: {
      ...(budgets?.dailyUsd !== undefined ? { dailyUsd: budgets.dailyUsd } : {}),
      ...(budgets?.monthlyUsd !== undefined ? { monthlyUsd: budgets.monthlyUsd } : {}),
      spentTodayUsd: spent.dayUsd,
      spentMonthUsd: spent.monthUsd,
    },
  };
}

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
