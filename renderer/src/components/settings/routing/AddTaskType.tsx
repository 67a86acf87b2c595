import { useState } from 'react';
import type { Settings } from '../../../../../shared/settings.js';
import { addTaskType } from '../../../lib/routing-edit.js';
import { ErrorText } from '../../layout/ErrorText.js';

export function AddTaskType({ draft, onAdd }: { draft: Settings; onAdd: (next: Settings, id: string) => void }) {
  const [id, setId] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string>();

  function add(): void {
    const result = addTaskType(draft, id, label);
    if (typeof result === 'string') {
      setError(result);
      return;
    }
    onAdd(result, id.trim());
    setId('');
    setLabel('');
    setError(undefined);
  }

  return (
    <div className="add-task row">
      <label className="inline-field">
        <span>New task type</span>
        <input value={id} onChange={(e) => setId(e.target.value)} placeholder="e.g. legal" data-testid="task-new-id" />
      </label>
      <label className="inline-field">
        <span>Label</span>
        <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="optional" />
      </label>
      <button type="button" onClick={add} disabled={id.trim() === ''} data-testid="task-add">
        Add
      </button>
      <ErrorText message={error && `task type id: ${error}`} className="error small" />
    </div>
  );
}
