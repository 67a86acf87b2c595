/**
 * `switchboard usage [--since YYYY-MM-DD] [--by day|provider|model|task|source] [--json|--csv]`:
 * calls to providers from the attempts table, grouped; the CSV is the app's export.
 */
import { UsageError } from '../../main/core/host-options.js';
import type { Storage } from '../../main/core/store/storage.js';
import { usageRows } from '../../main/core/usage-report.js';
import { DAY_PATTERN, rate, USAGE_GROUPS, usageCsv, type UsageGroup, type UsageRow } from '../../../shared/usage.js';
import { formatCost, type Output } from '../output.js';

const isGroup = (by: string): by is UsageGroup => (USAGE_GROUPS as readonly string[]).includes(by);

export function usage(storage: Storage, options: { since?: string; by?: string; csv: boolean }, out: Output, now: number): number {
  const by = options.by ?? 'day';
  if (!isGroup(by)) throw new UsageError(`--by must be one of ${USAGE_GROUPS.join(', ')}, not "${by}"`);
  if (options.csv && out.json) throw new UsageError('choose one of --json and --csv');
  if (options.since !== undefined && !DAY_PATTERN.test(options.since)) throw new UsageError(`--since must be a day as YYYY-MM-DD, not "${options.since}"`);
  let report;
  try {
    report = usageRows(storage.attempts, { since: options.since, by }, now);
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(`--since: ${error.message}`);
    throw error;
  }
  if (options.csv) out.text(usageCsv(report));
  else if (out.json) for (const r of report.rows) out.line({ [by]: r.key, ...figures(r) });
  else {
    for (const r of [...report.rows, report.total]) {
      out.text(`${r.key.padEnd(28)} ${String(r.requests).padStart(6)} req ${String(r.failures).padStart(5)} failed ${String(r.tokensIn + r.tokensOut).padStart(9)} tok ${formatCost(r.costUsd).padStart(10)}  fallback ${pct(r.fallbacks, r.requests)}  hedge ${pct(r.hedges, r.requests)}${r.reportedCostUsd === undefined ? '' : `  ${formatCost(r.reportedCostUsd)} reported`}\n`);
    }
    if (report.rows.length === 0) out.note(`no requests since ${report.since}`);
  }
  return 0;
}

function figures(r: UsageRow) {
  const { key: _key, ...rest } = r;
  return { ...rest, fallbackRate: rate(r.fallbacks, r.requests), hedgeRate: rate(r.hedges, r.requests) };
}

const pct = (part: number, whole: number) => `${Math.round(rate(part, whole) * 100)}%`;
