import { useState } from 'react';
import { useLocal } from '../../../services-context.js';
import type { PullProgress } from '../../../../../shared/contract/calls-local.js';
import { formatBytes } from '../../../lib/format.js';
import { ErrorText } from '../../layout/ErrorText.js';

type PullState = 'running' | 'done' | 'cancelled' | 'failed';

/** The core ends a cancelled pull with `done` and status "cancelled", and a failed one with an error. */
function pullState(p: PullProgress): PullState {
  if (!p.done) return 'running';
  if (p.error) return 'failed';
  return p.status === 'cancelled' ? 'cancelled' : 'done';
}

function barValue(p: PullProgress): number | undefined {
  const state = pullState(p);
  if (state === 'running') return p.percent;
  return state === 'done' ? 100 : (p.percent ?? 0);
}

const PULL_WORDS: Partial<Record<PullState, string>> = { done: 'Done.', cancelled: 'Cancelled.' };

/** A model name, a Pull button, and the progress of pulls of that name. */
export function PullModel({ initial }: { initial: string }) {
  const pulls = useLocal((s) => s.pulls);
  const pull = useLocal((s) => s.pull);
  const cancel = useLocal((s) => s.cancel);
  const forget = useLocal((s) => s.forget);
  const [model, setModel] = useState(initial);
  const [error, setError] = useState<string>();
  const jobs = Object.values(pulls).filter((p) => p.model === model.trim());
  const running = jobs.some((p) => !p.done);

  return (
    <div className="pull">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void pull(model).then(setError);
        }}
      >
        <label className="visually-hidden" htmlFor={`pull-${initial || 'any'}`}>
          Model to pull
        </label>
        <input id={`pull-${initial || 'any'}`} value={model} onChange={(e) => setModel(e.target.value)} placeholder="llama3.2" data-testid="pull-model" />
        <button type="submit" className="primary" disabled={running || model.trim() === ''} data-testid="pull-start">
          Pull
        </button>
      </form>
      <ErrorText message={error} className="error small" />
      {jobs.map((p) => (
        <div key={p.jobId} className="pull-job" data-testid="pull-progress" data-state={pullState(p)}>
          {/* A running pull with no size yet is indeterminate; an ended one never is (a bar without a value keeps moving), and a cancelled or failed one must not read 100%. */}
          <progress max={100} value={barValue(p)} aria-label={`Pulling ${p.model}`} />
          <span className="small" data-testid="pull-status">
            {p.error ? <span className="error">{p.error}</span> : PULL_WORDS[pullState(p)] ?? p.status}
            {p.percent !== undefined && !p.done ? ` · ${Math.round(p.percent)}%` : ''}
            {p.totalBytes ? ` · ${formatBytes(p.completedBytes ?? 0)} of ${formatBytes(p.totalBytes)}` : ''}
          </span>
          {p.done ? (
            <button type="button" className="link" onClick={() => forget(p.jobId)}>
              Clear
            </button>
          ) : (
            <button type="button" onClick={() => void cancel(p.jobId)} data-testid="pull-cancel">
              Cancel
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
