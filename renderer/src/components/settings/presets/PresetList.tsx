/** The presets by name, the one shown marked, and the button that starts a new one. */
import type { Preset } from '../../../../../shared/settings.js';

/** The `selected` value of a preset not saved yet. */
export const NEW_PRESET = ':new';

interface Props {
  presets: readonly Preset[];
  selected: string | undefined;
  onChoose(id: string): void;
}

export function PresetList({ presets, selected, onChoose }: Props) {
  return (
    <nav className="preset-list" aria-label="Presets">
      {presets.length > 0 && (
        <ul>
          {presets.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={p.id === selected ? 'preset-item active' : 'preset-item'}
                aria-current={p.id === selected ? 'true' : undefined}
                data-testid="preset-item"
                data-preset={p.id}
                onClick={() => onChoose(p.id)}
              >
                <span className="preset-name">{p.name}</span>
                <span className="muted small">{p.defaultTaskType === 'auto' ? 'task: auto' : `task: ${p.defaultTaskType}`}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" aria-pressed={selected === NEW_PRESET} data-testid="preset-new" onClick={() => onChoose(NEW_PRESET)}>
        New preset
      </button>
    </nav>
  );
}
