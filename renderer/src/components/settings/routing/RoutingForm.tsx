import { useMemo, useState } from 'react';
import type { Settings } from '../../../../../shared/settings.js';
import { BUILTIN_TASK_TYPES } from '../../../../../shared/task-types.js';
import { useSettings } from '../../../services-context.js';
import { allTaskTypes, taskLabel } from '../../../lib/task-types.js';
import { optionsOf, removeTaskType, setOptions, setTargets } from '../../../lib/routing-edit.js';
import { AddTaskType } from './AddTaskType.js';
import { TargetList } from './TargetList.js';
import { TaskOptionsForm } from './TaskOptionsForm.js';
import { ErrorText } from '../../layout/ErrorText.js';
import { UnsavedMarks } from '../../layout/UnsavedMarks.js';
import { useUnsavedGuard } from '../../../lib/use-unsaved.js';
import { RoutePreview } from './RoutePreview.js';

/** Whether a task type's route or options differ from what is saved, to mark it. */
function changed(a: Settings, b: Settings, task: string): boolean {
  return JSON.stringify([a.routes[task], a.taskTypes[task]]) !== JSON.stringify([b.routes[task], b.taskTypes[task]]);
}

interface Props {
  initial: Settings;
  task: string;
  onTask(task: string): void;
  saved: boolean;
  onSaved(saved: boolean): void;
}

/** A draft of routes and task types, saved whole with `settings.set`. */
export function RoutingForm({ initial, task, onTask: setTask, saved, onSaved: setSaved }: Props) {
  const save = useSettings((s) => s.save);
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const tasks = allTaskTypes(draft);
  const current = tasks.includes(task) ? task : 'general';
  const custom = !(BUILTIN_TASK_TYPES as readonly string[]).includes(current);
  // Saving starts a new form from main's copy, so any difference from `initial` is unsaved (edits undone by hand are not).
  const dirty = useMemo(() => draft !== initial && JSON.stringify(draft) !== JSON.stringify(initial), [draft, initial]);
  useUnsavedGuard(dirty, 'your routing edits');

  function edit(next: Settings): void {
    setDraft(next);
    setSaved(false);
  }

  async function submit(): Promise<void> {
    setBusy(true);
    const failed = await save(draft);
    setBusy(false);
    setError(failed);
    setSaved(!failed);
  }

  return (
    <div className="routing-form">
      <div className="task-picker" role="list" aria-label="Task types">
        {tasks.map((t) => (
          <button key={t} type="button" role="listitem" className={t === current ? 'chip active' : 'chip'} aria-pressed={t === current} onClick={() => setTask(t)} data-testid="task-type" data-task={t}>
            {taskLabel(draft, t)}
            {changed(draft, initial, t) && (
              <span className="unsaved-dot" title="Edited, not saved" aria-label="edited, not saved" data-testid="task-edited">
                •
              </span>
            )}
          </button>
        ))}
      </div>
      <AddTaskType draft={draft} onAdd={(next, id) => {
        edit(next);
        setTask(id);
      }} />
      <section className="card" aria-label={`Route for ${current}`}>
        <header className="provider-head">
          <h3>{taskLabel(draft, current)}</h3>
          {custom && (
            <button type="button" className="danger" onClick={() => edit(removeTaskType(draft, current))}>
              Remove task type
            </button>
          )}
        </header>
        <TargetList targets={draft.routes[current] ?? []} onChange={(targets) => edit(setTargets(draft, current, targets))} />
        <TaskOptionsForm options={optionsOf(draft, current)} onChange={(options) => edit(setOptions(draft, current, options))} />
      </section>
      <ErrorText message={error} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void submit()} disabled={busy} data-testid="routing-save">
          {busy ? 'Saving…' : 'Save routing'}
        </button>
        <UnsavedMarks dirty={dirty} onDiscard={() => setDraft(initial)} testIdPrefix="routing" />
        {saved && !dirty && <span className="ok small" role="status">Saved.</span>}
      </div>
      <RoutePreview draft={draft} task={current} />
    </div>
  );
}
