import type { CuratedModel } from '../../../../../shared/engine-catalog.js';
import { useEngine } from '../../../services-context.js';
import { formatBytes } from '../../../lib/format.js';
import { ErrorText } from '../../layout/ErrorText.js';
import { useState } from 'react';

const STATE_WORDS = { paused: 'Paused', done: 'Installed', cancelled: 'Cancelled', error: 'Failed' } as const;

/** One model from the list: Download (or Resume), Pause, Cancel, and its progress bar. */
export function ModelDownload({ model }: { model: CuratedModel }) {
  const progress = useEngine((s) => s.downloads[model.id]);
  const download = useEngine((s) => s.download);
  const pause = useEngine((s) => s.pause);
  const cancel = useEngine((s) => s.cancel);
  const [error, setError] = useState<string>();
  const state = progress?.state;
  const running = state === 'downloading';
  const total = progress?.totalBytes ?? model.sizeBytes;

  return (
    <div className="engine-download" data-testid="engine-download" data-model={model.id} data-state={state ?? 'idle'}>
      {state !== 'done' && (
        <div className="row">
          {!running && (
            <button type="button" className="primary" onClick={() => void download(model.id).then(setError)} data-testid="engine-download-start">
              {state === 'paused' ? 'Resume' : `Download (${formatBytes(model.sizeBytes)})`}
            </button>
          )}
          {running && (
            <button type="button" onClick={() => void pause(model.id)} data-testid="engine-download-pause">
              Pause
            </button>
          )}
          {(running || state === 'paused') && (
            <button type="button" onClick={() => void cancel(model.id)} data-testid="engine-download-cancel">
              Cancel
            </button>
          )}
        </div>
      )}
      {progress && state !== 'cancelled' && (
        <div className="pull-job">
          {/* Only a finished, verified file reads 100%. */}
          <progress max={total} value={state === 'done' ? total : Math.min(progress.receivedBytes, total)} aria-label={`Downloading ${model.name}`} />
          <span className="small" data-testid="engine-download-status">
            {state === 'downloading' ? `${formatBytes(progress.receivedBytes)} of ${formatBytes(total)}` : STATE_WORDS[state ?? 'paused']}
            {progress.error ? <span className="error">: {progress.error}</span> : ''}
          </span>
        </div>
      )}
      <ErrorText message={error} className="error small" />
    </div>
  );
}
