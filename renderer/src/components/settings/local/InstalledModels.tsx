import { useState } from 'react';
import { useLocal } from '../../../services-context.js';
import { formatBytes } from '../../../lib/format.js';
import { ErrorText } from '../../layout/ErrorText.js';

export function InstalledModels() {
  const status = useLocal((s) => s.status);
  const loading = useLocal((s) => s.loading);
  const refresh = useLocal((s) => s.refresh);
  const remove = useLocal((s) => s.remove);
  const [error, setError] = useState<string>();

  async function onDelete(model: string): Promise<void> {
    if (!window.confirm(`Delete ${model} from Ollama? You can pull it again later.`)) return;
    setError(await remove(model));
  }

  return (
    <section className="card" aria-label="Installed models">
      <header className="provider-head">
        <h3>Installed models</h3>
        <button type="button" onClick={() => void refresh()} disabled={loading}>
          {loading ? 'Checking…' : 'Refresh'}
        </button>
      </header>
      {status?.reachable && status.models.length === 0 && <p className="muted">No models yet. Pull one below.</p>}
      <ul className="model-list">
        {status?.models.map((m) => (
          <li key={m.name} data-testid="local-model" data-model={m.name}>
            <span className="mono">{m.name}</span>
            <span className="muted small">
              {formatBytes(m.sizeBytes)}
              {m.parameterSize ? ` · ${m.parameterSize}` : ''}
              {m.quantization ? ` · ${m.quantization}` : ''}
            </span>
            {m.loaded && <span className="badge good">loaded</span>}
            <span className="spacer" />
            <button type="button" className="danger" onClick={() => void onDelete(m.name)} data-testid="local-model-delete">
              Delete
            </button>
          </li>
        ))}
      </ul>
      <ErrorText message={error} />
    </section>
  );
}
