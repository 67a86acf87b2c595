/** The composer's task and provider pickers, what auto would pick, and "keep for this chat". */
import { isRouted } from '../../lib/route-picks.js';
import { RouteOverride } from './RouteOverride.js';
import { TaskSelect } from './TaskSelect.js';
import type { AutoPreview } from './use-auto-preview.js';
import type { RoutePicksControl } from './use-route-picks.js';

export function RoutePickers({ picks, preview }: { picks: RoutePicksControl; preview: AutoPreview | undefined }) {
  const { value } = picks;
  return (
    <>
      <TaskSelect value={value.taskType} onChange={(taskType) => picks.change({ ...value, taskType })} />
      {value.taskType === 'auto' && preview && (
        <span className="auto-preview muted small" data-testid="auto-preview" title={preview.reason} aria-live="polite">
          auto → {preview.taskType}
        </span>
      )}
      <RouteOverride value={{ provider: value.provider, model: value.model }} onChange={(o) => picks.change({ ...value, ...o })} />
      <label
        className="inline-field pin-route"
        title={picks.pinned ? 'Every message of this chat uses these choices' : 'Otherwise these choices apply to the next message only'}
      >
        <input
          type="checkbox"
          data-testid="pin-route"
          checked={picks.pinned}
          disabled={!picks.pinned && isRouted(value)}
          onChange={(e) => picks.setPinned(e.target.checked)}
        />
        <span>{picks.pinned ? 'Kept for this chat' : 'Keep for this chat'}</span>
      </label>
    </>
  );
}
