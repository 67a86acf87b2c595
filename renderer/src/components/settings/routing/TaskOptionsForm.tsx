import type { Strategy, TaskTypeOptions, Timeouts } from '../../../../../shared/settings.js';
import { StrategySchema } from '../../../../../shared/settings.js';
import { OptionalNumberInput } from '../../layout/OptionalNumberInput.js';

/** What each strategy does, shown where it is chosen. */
export const STRATEGY_HELP: Record<Strategy, string> = {
  ordered: 'Tries the targets in the order listed; the next one only if the one before fails.',
  fastest: 'Tries first the target with the quickest first token measured lately; unmeasured ones go last, in list order.',
  cheapest: 'Tries first the target where this message costs least at catalog prices (with a 500-token answer); unpriced ones go last.',
  balanced: 'Tries first the healthiest target (from recent errors and latency), each weighed by its weight.',
};

const TIMEOUTS: Array<{ key: keyof Timeouts; label: string }> = [
  { key: 'connectMs', label: 'Connect (ms)' },
  { key: 'firstTokenMs', label: 'First token (ms)' },
  { key: 'idleMs', label: 'Idle between tokens (ms)' },
];

/** Strategy, timeouts, output limit and hedging for one task type. Empty fields use the defaults. */
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
      <p className="muted small help" data-testid="strategy-help">
        {STRATEGY_HELP[options.strategy]} Every chain still ends at the local model.
      </p>
      {TIMEOUTS.map(({ key, label }) => (
        <label key={key} className="inline-field">
          <span>{label}</span>
          <OptionalNumberInput
            min="1"
            step="1"
            placeholder="default"
            value={options.timeouts?.[key]}
            onChange={(v) => onChange({ ...options, timeouts: { ...options.timeouts, [key]: v } })}
          />
        </label>
      ))}
      <label className="inline-field">
        <span>Longest answer (tokens)</span>
        <OptionalNumberInput
          min="1"
          step="1"
          placeholder="model's own"
          value={options.maxOutputTokens}
          onChange={(v) => onChange({ ...options, maxOutputTokens: v })}
          data-testid="max-output-tokens"
        />
      </label>
      <label className="toggle">
        <input type="checkbox" checked={hedge.enabled} onChange={(e) => onChange({ ...options, hedge: { ...hedge, enabled: e.target.checked } })} />
        Hedge (start a second target if the first is slow)
      </label>
      {hedge.enabled && (
        <label className="inline-field">
          <span>Hedge after (ms)</span>
          <OptionalNumberInput
            min="1"
            step="1"
            placeholder="default"
            value={hedge.delayMs}
            onChange={(v) => onChange({ ...options, hedge: { ...hedge, delayMs: v } })}
          />
        </label>
      )}
    </div>
  );
}
