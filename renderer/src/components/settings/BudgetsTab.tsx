import { useState } from 'react';
import type { Settings } from '../../../../shared/settings.js';
import { useSettings } from '../../services-context.js';
import { OptionalNumberInput } from '../layout/OptionalNumberInput.js';
import { SaveResult, savedOrFailed, type SaveMessage } from '../layout/SaveResult.js';
import { QuotaRows } from './QuotaRows.js';
import { BudgetSpend } from './BudgetSpend.js';
import { useUnsavedGuard } from '../../lib/use-unsaved.js';

export function BudgetsTab() {
  const settings = useSettings((s) => s.settings);
  const revision = useSettings((s) => s.revision);
  // Kept outside the form, which starts over on every save.
  const [message, setMessage] = useState<SaveMessage>();
  if (!settings) return <p className="muted">Loading settings…</p>;
  // A new revision (after save or import) starts the draft over from main's copy.
  return <BudgetsForm key={revision} initial={settings} message={message} onMessage={setMessage} />;
}

interface Props {
  initial: Settings;
  message: SaveMessage | undefined;
  onMessage(message: SaveMessage | undefined): void;
}

function BudgetsForm({ initial, message, onMessage: setMessage }: Props) {
  const save = useSettings((s) => s.save);
  const [draft, setDraft] = useState(initial);
  const budgets = draft.budgets ?? { hardStop: false };
  useUnsavedGuard(draft !== initial && JSON.stringify(draft) !== JSON.stringify(initial), 'your budget and quota edits');

  function setBudget(patch: Partial<typeof budgets>): void {
    setDraft({ ...draft, budgets: { ...budgets, ...patch } });
    setMessage(undefined);
  }

  async function submit(): Promise<void> {
    setMessage(savedOrFailed(await save(draft)));
  }

  return (
    <form
      className="budgets"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <section className="card" aria-label="Budgets">
        <h3>Budgets (USD)</h3>
        <div className="row">
          <label className="inline-field">
            <span>Daily</span>
            <OptionalNumberInput min="0" step="any" placeholder="none" value={budgets.dailyUsd} onChange={(dailyUsd) => setBudget({ dailyUsd })} data-testid="budget-daily" />
          </label>
          <label className="inline-field">
            <span>Monthly</span>
            <OptionalNumberInput min="0" step="any" placeholder="none" value={budgets.monthlyUsd} onChange={(monthlyUsd) => setBudget({ monthlyUsd })} data-testid="budget-monthly" />
          </label>
          <label className="toggle">
            <input type="checkbox" checked={budgets.hardStop} onChange={(e) => setBudget({ hardStop: e.target.checked })} />
            Hard stop (only local models once a budget is spent)
          </label>
        </div>
        <BudgetSpend dailyUsd={budgets.dailyUsd} monthlyUsd={budgets.monthlyUsd} />
      </section>
      <QuotaRows
        quotas={draft.quotas}
        onChange={(quotas) => {
          setDraft({ ...draft, quotas });
          setMessage(undefined);
        }}
      />
      <SaveResult message={message} />
      <button type="submit" className="primary" data-testid="budgets-save">
        Save budgets & quotas
      </button>
    </form>
  );
}
