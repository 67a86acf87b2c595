import { useSettings } from '../../services-context.js';
import { allTaskTypes, taskLabel } from '../../lib/task-types.js';

interface Props {
  value: string;
  onChange(v: string): void;
  label?: string;
  testId?: string;
}

export function TaskSelect({ value, onChange, label = 'Task', testId = 'task-select' }: Props) {
  const settings = useSettings((s) => s.settings);
  return (
    <label className="inline-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
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
