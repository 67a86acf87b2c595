import { useState } from 'react';
import { CURATED_MODELS } from '../../../../../shared/engine-catalog.js';
import { useEngine } from '../../../services-context.js';
import { formatBytes } from '../../../lib/format.js';
import { ErrorText } from '../../layout/ErrorText.js';
import { EngineStatusLine } from './EngineStatusLine.js';
import { ModelDownload } from './ModelDownload.js';
import { CudaSupport } from './CudaSupport.js';

/** The built-in engine: its state, installed models, models to download, and a .gguf file of your own. */
export function EngineSection() {
  const view = useEngine((s) => s.view);
  const storeError = useEngine((s) => s.error);
  const remove = useEngine((s) => s.remove);
  const pick = useEngine((s) => s.pick);
  const choose = useEngine((s) => s.choose);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string>();

  async function onDelete(id: string, external: boolean): Promise<void> {
    const question = external ? `Stop using ${id}? The file stays where it is.` : `Delete ${id}? You can download it again later.`;
    if (!window.confirm(question)) return;
    setError(await remove(id));
  }

  return (
    <section className="card" aria-label="Built-in engine" data-testid="engine-section">
      <h3>Built-in engine</h3>
      <p className="muted small">
        Answers when Ollama is not running, with a model on this computer. It never replaces Ollama.
      </p>
      <EngineStatusLine />
      <ul className="model-list">
        {view?.models.map((m) => (
          <li key={m.id} data-testid="engine-model" data-model={m.id}>
            <span className="mono">{m.id}</span>
            <span className="muted small">{formatBytes(m.sizeBytes)}{m.external ? ' · your file' : ''}</span>
            <span className="spacer" />
            <button type="button" className="danger" onClick={() => void onDelete(m.id, m.external)} data-testid="engine-model-delete">
              {m.external ? 'Remove' : 'Delete'}
            </button>
          </li>
        ))}
      </ul>
      {view && view.models.length === 0 && <p className="muted">No model yet. Download one below, or use a .gguf file you have.</p>}
      <h4>Download a model</h4>
      <ul className="model-list">
        {CURATED_MODELS.map((m) => (
          <li key={m.id}>
            <div>
              <strong>{m.name}</strong>{' '}
              <span className="muted small">
                {m.parameters} · {formatBytes(m.sizeBytes)} · {m.licence} · {Math.round(m.contextLength / 1024)}K context
              </span>
              <div className="muted small">{m.note}</div>
            </div>
            <span className="spacer" />
            <ModelDownload model={m} />
          </li>
        ))}
      </ul>
      <CudaSupport />
      <h4>Use a .gguf file you have</h4>
      {view?.canChooseFile && (
        <p>
          <button type="button" onClick={() => void choose().then(setError)} data-testid="engine-choose-file">
            Choose a file…
          </button>{' '}
          <span className="muted small">or enter its path:</span>
        </p>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void pick(path).then((failed) => {
            setError(failed);
            if (!failed) setPath('');
          });
        }}
      >
        <label className="visually-hidden" htmlFor="engine-pick">Path of a .gguf file</label>
        <input id="engine-pick" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/model.gguf" data-testid="engine-pick-path" />
        <button type="submit" disabled={path.trim() === ''} data-testid="engine-pick">
          Add
        </button>
      </form>
      <ErrorText message={error ?? storeError} />
    </section>
  );
}
