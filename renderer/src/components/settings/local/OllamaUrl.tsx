import { useState } from 'react';
import { DEFAULT_OLLAMA_URL } from '../../../../../shared/settings.js';
import { useLocal, useSettings } from '../../../services-context.js';
import { patchProvider } from '../../../lib/settings-edit.js';
import { ErrorText } from '../../layout/ErrorText.js';

export function OllamaUrl() {
  const view = useSettings((s) => s.providers.find((p) => p.kind === 'ollama'));
  const update = useSettings((s) => s.update);
  const status = useLocal((s) => s.status);
  const refresh = useLocal((s) => s.refresh);
  const localError = useLocal((s) => s.error);
  const [url, setUrl] = useState(view?.baseURL ?? DEFAULT_OLLAMA_URL);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  async function save(): Promise<void> {
    const baseURL = url.trim();
    const failed = await update((s) =>
      view ? patchProvider(s, view, { baseURL }) : { ...s, providers: [...s.providers, { id: 'ollama', kind: 'ollama', name: 'Ollama', baseURL, enabled: true }] },
    );
    setError(failed);
    setSaved(!failed);
    if (!failed) await refresh();
  }

  return (
    <section className="card" aria-label="Ollama">
      <h3>Ollama</h3>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="inline-field grow">
          <span>URL</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder={DEFAULT_OLLAMA_URL} data-testid="ollama-url" />
        </label>
        <button type="submit" className="primary">
          Save
        </button>
        {saved && <span className="ok small">Saved.</span>}
      </form>
      <p className="muted small">“localhost” is read as 127.0.0.1, and a trailing /v1 is handled for you.</p>
      <ErrorText message={error} />
      <ErrorText message={localError} className="error small" />
      {status && (
        <p className={status.reachable ? 'ok small' : 'error small'} role="status" data-testid="ollama-status">
          {status.reachable ? `Running at ${status.baseURL}.` : `Not reachable at ${status.baseURL}${status.error ? `: ${status.error}` : ''}.`}
        </p>
      )}
    </section>
  );
}
