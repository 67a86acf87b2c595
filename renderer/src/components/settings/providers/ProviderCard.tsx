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
import { isSetUp } from '../../../lib/provider-setup.js';

export function ProviderCard({ provider: p }: { provider: ProviderView }) {
  const update = useSettings((s) => s.update);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);

  const setUp = isSetUp(p);
  // Base URLs of the kinds that talk to a proxy or gateway; Ollama's is under Local models.
  const editable = p.kind === 'openai-compatible' || p.kind === 'openai' || p.kind === 'anthropic';

  async function toggle(enabled: boolean): Promise<void> {
    setError(await update((s) => patchProvider(s, p, { enabled })));
  }

  return (
    <article className={setUp ? 'card provider' : 'card provider not-set-up'} data-testid="provider-row" data-provider={p.id} data-set-up={setUp}>
      <header className="provider-head">
        <div>
          <h3>{p.name}</h3>
          <div className="muted small">
            {p.kind} · <span className="mono">{p.baseURL}</span>
          </div>
        </div>
        {setUp ? (
          <label className="toggle">
            <input type="checkbox" checked={p.enabled} onChange={(e) => void toggle(e.target.checked)} data-testid="provider-enabled" />
            Enabled
          </label>
        ) : (
          // Without a key it cannot be used, so it is not shown (or counted) as enabled.
          <span className="badge" data-testid="provider-not-set-up">
            Not set up
          </span>
        )}
      </header>
      <div className="key-status" data-testid="key-status">
        Key: {describeKey(p.key)}
      </div>
      <div className="row">
        {p.kind !== 'ollama' && p.key.source !== 'not_needed' && <KeyForm provider={p} />}
        {/* Collapsed until set up: a key is the one thing it needs first. */}
        {setUp && <ProviderTest provider={p.id} />}
        {setUp && editable && (
          <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing} data-testid="provider-edit">
            {editing ? 'Close' : 'Edit URL & headers'}
          </button>
        )}
      </div>
      {editing && <ProviderEditForm provider={p} onDone={() => setEditing(false)} />}
      {setUp && <ModelBrowser provider={p.id} />}
      <ErrorText message={error} />
    </article>
  );
}
