import { useEffect, useState } from 'react';
import { useSettings } from '../../services-context.js';
import { weightRows, withWeights } from '../../lib/route-weights.js';
import { OptionalNumberInput } from '../layout/OptionalNumberInput.js';
import { SaveResult, savedOrFailed, type SaveMessage } from '../layout/SaveResult.js';

const key = (task: string, index: number) => `${task}#${index}`;

/** This provider's weight in every route that names it, saved with the settings; empty means no weight. */
export function RouteWeights({ provider }: { provider: string }) {
  const settings = useSettings((s) => s.settings);
  const revision = useSettings((s) => s.revision);
  const load = useSettings((s) => s.load);
  const update = useSettings((s) => s.update);
  // A draft belongs to the settings revision it was typed over; settings saved elsewhere start it over.
  const [typed, setTyped] = useState<{ revision: number; values: Record<string, number | undefined> }>({ revision, values: {} });
  const [message, setMessage] = useState<SaveMessage>();
  useEffect(() => {
    if (!settings) void load();
  }, [settings, load]);
  if (!settings) return null;
  const draft = typed.revision === revision ? typed.values : {};

  const rows = weightRows(settings, provider);
  const changed = Object.keys(draft).length > 0;
  const valueOf = (task: string, index: number, saved: number | undefined) => (key(task, index) in draft ? draft[key(task, index)] : saved);

  async function save() {
    const changes = rows.map((r) => ({ task: r.task, index: r.index, weight: valueOf(r.task, r.index, r.weight) }));
    if (changes.some((c) => c.weight !== undefined && !(c.weight > 0))) {
      setMessage({ ok: false, text: 'A weight is a number above 0; leave it empty for no weight.' });
      return;
    }
    const failed = await update((current) => withWeights(current, changes));
    setMessage(savedOrFailed(failed));
    if (!failed) setTyped({ revision, values: {} });
  }

  return (
    <details className="route-weights" data-testid="route-weights">
      <summary>Route weights ({rows.length})</summary>
      <p className="muted small">
        Targets next to each other that both have a weight share first tries in proportion to it; balanced routes rank by weight × health, and fastest or cheapest routes ignore weights.
      </p>
      {rows.length === 0 ? (
        <p className="muted small">No route names this provider. Add it to one under Settings → Routing.</p>
      ) : (
        <ul className="weight-rows">
          {rows.map((r) => (
            <li key={key(r.task, r.index)} data-testid="weight-row" data-task={r.task}>
              <span>
                {r.task} · {r.model}
              </span>
              <OptionalNumberInput
                min="0"
                step="any"
                placeholder="none"
                aria-label={`Weight in ${r.task} (${r.model})`}
                value={valueOf(r.task, r.index, r.weight)}
                onChange={(weight) => setTyped({ revision, values: { ...draft, [key(r.task, r.index)]: weight } })}
              />
              <span className="muted small" data-testid="weight-effect">
                {r.effect}
              </span>
            </li>
          ))}
        </ul>
      )}
      {rows.length > 0 && (
        <button type="button" disabled={!changed} onClick={() => void save()}>
          Save weights
        </button>
      )}
      <SaveResult message={message} />
    </details>
  );
}
