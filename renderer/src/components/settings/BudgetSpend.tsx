import { useEffect, useState } from 'react';
import type { UsageReport } from '../../../../shared/usage.js';
import { useHealth, useServices } from '../../services-context.js';
import { errorText, formatUsd } from '../../lib/format.js';

type Spent = UsageReport['budgets'];

/** Today's and this month's spend, from the attempts table (the Usage tab's figures), against the limits being edited. */
export function BudgetSpend({ dailyUsd, monthlyUsd }: { dailyUsd: number | undefined; monthlyUsd: number | undefined }) {
  const { client } = useServices();
  const [spent, setSpent] = useState<Spent>();
  const [error, setError] = useState<string>();
  // Re-read whenever health changes, which it does after every message.
  const healthTick = useHealth((s) => s.providers);

  useEffect(() => {
    let live = true;
    client.call('usage.get', { by: 'day' }).then(
      (report) => {
        if (!live) return;
        setSpent(report.budgets);
        setError(undefined);
      },
      (e: unknown) => {
        if (live) setError(errorText(e));
      },
    );
    return () => {
      live = false;
    };
  }, [client, healthTick]);

  if (error) return <p className="error small">Spend could not be read: {error}</p>;
  if (!spent) return null;
  return (
    <div className="budget-spend" data-testid="budget-spend">
      <SpendLine label="Today" spent={spent.spentTodayUsd} limit={dailyUsd} testId="spend-today" />
      <SpendLine label="This month" spent={spent.spentMonthUsd} limit={monthlyUsd} testId="spend-month" />
    </div>
  );
}

function SpendLine({ label, spent, limit, testId }: { label: string; spent: number; limit: number | undefined; testId: string }) {
  const share = limit ? Math.min(1, spent / limit) : undefined;
  return (
    <div className="row" data-testid={testId}>
      <span className="spend-label">{label}</span>
      <span>
        {formatUsd(spent)}
        {limit !== undefined ? ` of ${formatUsd(limit)}` : ' spent (no limit)'}
      </span>
      {share !== undefined && <meter min={0} max={1} low={0.8} high={0.99} optimum={0} value={share} aria-label={`${label}: share of the budget spent`} />}
      {share !== undefined && <span className="muted small">{Math.round(share * 100)}%</span>}
    </div>
  );
}
