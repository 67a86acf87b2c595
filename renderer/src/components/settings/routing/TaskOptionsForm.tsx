import type { Strategy, TaskTypeOptions, Timeouts } from '../../../../../shared/settings.js';
import { StrategySchema } from '../../../../../shared/settings.js';
import { numberOrUndefined } from '../../../lib/routing-edit.js';

const TIMEOUTS: Array<{ key: keyof Timeouts; label: string }> = [
  { key: 'connectMs', label: 'Connect (ms)' },
  { key: 'firstTokenMs', label: 'First token (ms)' },
  { key: 'idleMs', label: 'Idle between tokens (ms)' },
];

/** Strategy, timeouts and hedging for one task type. Empty timeouts use the defaults. */
export function TaskOptionsForm({ options, onChange }: { options: TaskTypeOptions; onChange: (o: TaskTypeOptions) => void }) {
  const hedge = options.hedge ?? { enabled: false };
  return (
    <div className="task-options">
      <label className="inline-field">
        <span>Strategy</span>
        <select value={options.strategy} onChange={(e) => onChange({ ...options, strategy: e.target.value as Strategy })} data-testid="strategy">
          {StrategySchema.options.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {TIMEOUTS.map(({ key, label }) => (
        <label key={key} className="inline-field">
          <span>{label}</span>
          <input
            className="narrow"
            type="number"
            min="1"
            step="1"
            placeholder="default"
            value={options.timeouts?.[key] ?? ''}
            onChange={(e) => onChange({ ...options, timeouts: { ...options.timeouts, [key]: numberOrUndefined(e.target.value) } })}
          />
        </label>
      ))}
      <label className="toggle">
        <input type="checkbox" checked={hedge.enabled} onChange={(e) => onChange({ ...options, hedge: { ...hedge, enabled: e.target.checked } })} />
        Hedge (start a second target if the first is slow)
      </label>
      {hedge.enabled && (
        <label className="inline-field">
          <span>Hedge after (ms)</span>
          <input
            className="narrow"
            type="number"
            min="1"
            step="1"
            placeholder="default"
            value={hedge.delayMs ?? ''}
            onChange={(e) => onChange({ ...options, hedge: { ...hedge, delayMs: numberOrUndefined(e.target.value) } })}
          />
        </label>
      )}
    </div>
  );
}
