/**
 * Usage and cost from the attempts table: grouped by day, provider, model, task
 * type or source, each figure with a bar for its share, budgets with their
 * progress, each provider's share of the requests, and the same CSV
 * `switchboard usage --csv` writes.
 */
import { useEffect } from 'react';
import { rate, USAGE_GROUPS, usageCsv, type UsageGroup, type UsageReport, type UsageRow } from '../../../../shared/usage.js';
import { useProviderName } from '../../lib/provider-names.js';
import { formatUsd } from '../../lib/format.js';
import { useUsage } from '../../services-context.js';
import { ErrorText } from '../layout/ErrorText.js';

const GROUP_WORDS: Record<UsageGroup, string> = { day: 'Day', provider: 'Provider', model: 'Model', task: 'Task type', source: 'Source' };

function Share({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <span className="share">
      <svg width="60" height="8" aria-hidden="true">
        <rect className="share-track" width="60" height="8" />
        <rect className="share-fill" width={max > 0 ? (60 * value) / max : 0} height="8" />
      </svg>{' '}
      {label}
    </span>
  );
}

/** Who answered how much: each provider's share of the period's requests. */
function RequestShares({ shares }: { shares: UsageReport['shares'] }) {
  const name = useProviderName();
  if (shares.length === 0) return null;
  return (
    <section className="usage-shares" aria-label="Requests by provider">
      <h3 className="small">Requests by provider</h3>
      <ul>
        {shares.map((s) => (
          <li key={s.provider} data-testid="usage-share" data-provider={s.provider}>
            <Share value={s.share} max={1} label={`${name(s.provider)} ${Math.round(s.share * 100)}% (${s.requests})`} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Budget({ label, spent, limit }: { label: string; spent: number; limit: number | undefined }) {
  if (limit === undefined) {
    return (
      <p className="small">
        {label}: {formatUsd(spent)} spent, no budget set
      </p>
    );
  }
  return (
    <p className="small budget">
      {label}: {formatUsd(spent)} of {formatUsd(limit)}{' '}
      <progress max={limit} value={Math.min(spent, limit)} aria-label={`${label} budget used`} /> {Math.round(rate(spent, limit) * 100)}%
    </p>
  );
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export function UsageView() {
  const report = useUsage((s) => s.report);
  const by = useUsage((s) => s.by);
  const since = useUsage((s) => s.since);
  const error = useUsage((s) => s.error);
  const load = useUsage((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  const rows = report?.rows ?? [];
  const max = (pick: (r: UsageRow) => number) => Math.max(0, ...rows.map(pick));

  return (
    <div className="usage" data-testid="usage-view">
      <div className="usage-controls">
        <label>
          Group by{' '}
          <select value={by} onChange={(e) => void load({ by: e.target.value as UsageGroup })}>
            {USAGE_GROUPS.map((g) => (
              <option key={g} value={g}>
                {GROUP_WORDS[g]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Since <input type="date" value={since ?? report?.since ?? ''} onChange={(e) => void load({ since: e.target.value || undefined })} />
        </label>
        <button type="button" disabled={!report} onClick={() => report && download(`switchboard-usage-by-${report.by}-since-${report.since}.csv`, usageCsv(report))}>
          Export CSV
        </button>
      </div>
      <ErrorText message={error} />
      {report && (
        <>
          <Budget label="Today" spent={report.budgets.spentTodayUsd} limit={report.budgets.dailyUsd} />
          <Budget label="This month" spent={report.budgets.spentMonthUsd} limit={report.budgets.monthlyUsd} />
          <RequestShares shares={report.shares} />
          {rows.length === 0 ? (
            <p className="muted">No requests since {report.since}.</p>
          ) : (
            <div className="table-wrap">
              <table className="health-table usage-table">
                <thead>
                  <tr>
                    <th>{GROUP_WORDS[by]}</th>
                    <th>Requests</th>
                    <th>Tokens</th>
                    <th>Cost</th>
                    <th>Fallback rate</th>
                    <th>Hedge rate</th>
                  </tr>
                </thead>
                <tbody>
                  {[...rows, report.total].map((r) => (
                    <tr key={r === report.total ? ' total' : r.key} data-testid="usage-row" data-key={r.key} className={r === report.total ? 'total' : undefined}>
                      <td>{r === report.total ? 'Total' : r.key}</td>
                      <td>
                        <Share value={r.requests} max={max((x) => x.requests)} label={`${r.requests}${r.failures ? ` (${r.failures} failed)` : ''}`} />
                      </td>
                      <td>
                        <Share value={r.tokensIn + r.tokensOut} max={max((x) => x.tokensIn + x.tokensOut)} label={(r.tokensIn + r.tokensOut).toLocaleString()} />
                      </td>
                      <td>
                        <Share value={r.costUsd} max={max((x) => x.costUsd)} label={formatUsd(r.costUsd)} />
                        {r.reportedCostUsd !== undefined && (
                          <span className="muted small" data-testid="reported-cost" title="What the provider itself reported charging, beside Switchboard's estimate">
                            {' '}
                            · {formatUsd(r.reportedCostUsd)} reported
                          </span>
                        )}
                      </td>
                      <td>
                        <Share value={rate(r.fallbacks, r.requests)} max={1} label={`${Math.round(rate(r.fallbacks, r.requests) * 100)}%`} />
                      </td>
                      <td>
                        <Share value={rate(r.hedges, r.requests)} max={1} label={`${Math.round(rate(r.hedges, r.requests) * 100)}%`} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
