import { useState } from 'react';
import type { RouteTarget } from '../../../../../shared/settings.js';
import { useSettings } from '../../../services-context.js';
import { moveItem } from '../../../lib/arrays.js';
import { liveModelIds } from '../../../store/settings-store.js';
import { flagTarget } from '../../../store/route-flags.js';
import { TargetRow } from './TargetRow.js';

/** Ordered targets: drag to reorder, or use the up/down buttons from the keyboard. */
export function TargetList({ targets, onChange }: { targets: RouteTarget[]; onChange: (t: RouteTarget[]) => void }) {
  const providers = useSettings((s) => s.providers);
  const models = useSettings((s) => s.models);
  const loadModels = useSettings((s) => s.loadModels);
  const [dragging, setDragging] = useState<number>();
  const live = liveModelIds(models);
  const first = providers.find((p) => p.enabled) ?? providers[0];

  return (
    <div className="targets">
      <h4>Targets, tried in order</h4>
      <p className="muted small help">
        Weights (any positive number; empty means 1): with <em>ordered</em>, neighbouring targets that both have a weight take turns, each picked first in proportion to its weight (3 and 1: the first leads three times in four), to spread load; with <em>balanced</em>, a weight multiplies the target's health score. <em>Fastest</em> and <em>cheapest</em> ignore weights.
      </p>
      {targets.length === 0 && <p className="muted small">No targets yet.</p>}
      <ol>
        {targets.map((t, i) => (
          <TargetRow
            key={i}
            index={i}
            count={targets.length}
            target={t}
            flags={flagTarget(t, providers, live)}
            providers={providers}
            liveModels={live[t.provider]}
            onWantModels={() => {
              const known = models[t.provider];
              if (!known || (!known.loading && !known.models)) void loadModels(t.provider);
            }}
            dragging={dragging === i}
            onChange={(next) => onChange(targets.map((x, j) => (j === i ? next : x)))}
            onMove={(to) => onChange(moveItem(targets, i, to))}
            onRemove={() => onChange(targets.filter((_, j) => j !== i))}
            onDragStart={() => setDragging(i)}
            onDragEnd={() => setDragging(undefined)}
            onDropHere={() => {
              if (dragging !== undefined) onChange(moveItem(targets, dragging, i));
              setDragging(undefined);
            }}
          />
        ))}
      </ol>
      <button
        type="button"
        disabled={!first}
        onClick={() => first && onChange([...targets, { provider: first.id, model: first.models[0] ?? '' }])}
        data-testid="target-add"
      >
        Add target
      </button>
    </div>
  );
}
