import { useSettings } from '../../services-context.js';
import { allTaskTypes, taskLabel } from '../../lib/task-types.js';

export function TaskSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const settings = useSettings((s) => s.settings);
  return (
    <label className="inline-field">
      <span>Task</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="task-select">
        <option value="auto">auto</option>
        {allTaskTypes(settings).map((id) => (
          <option key={id} value={id}>
            {taskLabel(settings, id)}
          </option>
        ))}
      </select>
    </label>
  );
}
