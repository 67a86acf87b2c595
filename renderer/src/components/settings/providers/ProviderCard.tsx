import { useState } from 'react';
import type { ProviderView } from '../../../../../shared/providers.js';
import { useSettings } from '../../../services-context.js';
import { describeKey } from '../../../lib/format.js';
import { patchProvider } from '../../../lib/settings-edit.js';
import { KeyForm } from './KeyForm.js';
import { ModelBrowser } from './ModelBrowser.js';
import { ProviderEditForm } from './ProviderEditForm.js';
import { ProviderTest } from './ProviderTest.js';
import { ErrorText } from '../../layout/ErrorText.js';

export function ProviderCard({ provider: p }: { provider: ProviderView }) {
  const update = useSettings((s) => s.update);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);

  async function toggle(enabled: boolean): Promise<void> {
    setError(await update((s) => patchProvider(s, p, { enabled })));
  }

  return (
    <article className="card provider" data-testid="provider-row" data-provider={p.id}>
      <header className="provider-head">
        <div>
          <h3>{p.name}</h3>
          <div className="muted small">
            {p.kind} · <span className="mono">{p.baseURL}</span>
          </div>
        </div>
        <label className="toggle">
          <input type="checkbox" checked={p.enabled} onChange={(e) => void toggle(e.target.checked)} data-testid="provider-enabled" />
          Enabled
        </label>
      </header>
      <div className="key-status" data-testid="key-status">
        Key: {describeKey(p.key)}
      </div>
      <div className="row">
        {p.kind !== 'ollama' && p.key.source !== 'not_needed' && <KeyForm provider={p} />}
        <ProviderTest provider={p.id} />
        {p.kind === 'openai-compatible' && (
          <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            {editing ? 'Close' : 'Edit URL & headers'}
          </button>
        )}
      </div>
      {editing && <ProviderEditForm provider={p} onDone={() => setEditing(false)} />}
      <ModelBrowser provider={p.id} />
      <ErrorText message={error} />
    </article>
  );
}
