import type { ProviderView } from '../../../../../shared/providers.js';
import type { RouteTarget } from '../../../../../shared/settings.js';
import { OptionalNumberInput } from '../../layout/OptionalNumberInput.js';
import type { TargetFlag } from '../../../store/route-flags.js';

interface Props {
  index: number;
  count: number;
  target: RouteTarget;
  flags: TargetFlag[];
  providers: ProviderView[];
  /** The provider's models as it lists them now, once asked for. */
  liveModels: string[] | undefined;
  /** Asks the provider for its live list (the first time the model field is used). */
  onWantModels(): void;
  dragging: boolean;
  onChange(target: RouteTarget): void;
  onMove(to: number): void;
  onRemove(): void;
  onDragStart(): void;
  onDragEnd(): void;
  onDropHere(): void;
}

export function TargetRow(p: Props) {
  const { target, index } = p;
  const provider = p.providers.find((x) => x.id === target.provider);
  const listId = `models-${index}-${target.provider}`;
  return (
    <li
      className={p.dragging ? 'target dragging' : 'target'}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', String(index));
        p.onDragStart();
      }}
      onDragEnd={p.onDragEnd}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        p.onDropHere();
      }}
      data-testid="route-target"
      data-flags={p.flags.join(',')}
    >
      <span className="grip" aria-hidden="true">
        ⋮⋮
      </span>
      <select aria-label={`Target ${index + 1} provider`} value={target.provider} onChange={(e) => p.onChange({ ...target, provider: e.target.value })}>
        {!provider && <option value={target.provider}>{target.provider}</option>}
        {p.providers.map((x) => (
          <option key={x.id} value={x.id}>
            {x.name}
          </option>
        ))}
      </select>
      <input
        aria-label={`Target ${index + 1} model`}
        list={listId}
        value={target.model}
        onFocus={p.onWantModels}
        onChange={(e) => p.onChange({ ...target, model: e.target.value })}
        data-testid="target-model"
      />
      <datalist id={listId} data-testid="target-model-options">
        {[...new Set([...(p.liveModels ?? []), ...(provider?.models ?? [])])].map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <OptionalNumberInput
        min="0"
        step="any"
        aria-label={`Target ${index + 1} weight`}
        placeholder="weight"
        value={target.weight}
        onChange={(weight) => p.onChange({ ...target, weight })}
      />
      {p.flags.map((f) => (
        <span key={f} className="badge bad" data-testid="target-flag">
          {f}
        </span>
      ))}
      <span className="spacer" />
      <button type="button" aria-label={`Move target ${index + 1} up`} disabled={index === 0} onClick={() => p.onMove(index - 1)}>
        ↑
      </button>
      <button type="button" aria-label={`Move target ${index + 1} down`} disabled={index === p.count - 1} onClick={() => p.onMove(index + 1)}>
        ↓
      </button>
      <button type="button" aria-label={`Remove target ${index + 1}`} onClick={p.onRemove}>
        ×
      </button>
    </li>
  );
}
