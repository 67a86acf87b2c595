import { useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { DEFAULT_LOCAL_MODEL } from '../../../../../shared/settings.js';
import { useLocal, useSettings } from '../../../services-context.js';
import { SaveResult, savedOrFailed, type SaveMessage } from '../../layout/SaveResult.js';
import { useProviderName } from '../../../lib/provider-names.js';

const installedHas = (installed: readonly { name: string }[], model: string) => installed.some((m) => m.name === model || m.name === `${model}:latest`);

/** The model every chain ends at when nothing else can answer, chosen from the installed ones. */
export function LocalFallback() {
  const settings = useSettings((s) => s.settings);
  // useShallow keeps the same array (and skips a re-render) while the ids are unchanged.
  const providers = useSettings(useShallow((s) => s.providers.filter((p) => p.kind === 'ollama').map((p) => p.id)));
  const name = useProviderName();
  const update = useSettings((s) => s.update);
  const installed = useLocal((s) => s.status?.models);
  const [provider, setProvider] = useState(settings?.localFallback?.provider ?? providers[0] ?? 'ollama');
  const [model, setModel] = useState(settings?.localFallback?.model ?? DEFAULT_LOCAL_MODEL);
  const [message, setMessage] = useState<SaveMessage>();

  async function save(): Promise<void> {
    setMessage(savedOrFailed(await update((s) => ({ ...s, localFallback: { provider, model: model.trim() } }))));
  }

  return (
    <section className="card" aria-label="Local fallback">
      <h3>Local fallback</h3>
      <p className="muted small">Every route ends here, so you get an answer even offline.</p>
      <div className="row">
        <label className="inline-field">
          <span>Provider</span>
          <select value={provider} onChange={(e) => setProvider(e.target.value)}>
            {!providers.includes(provider) && <option value={provider}>{provider}</option>}
            {providers.map((id) => (
              <option key={id} value={id}>
                {name(id)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>Model</span>
          {installed && installed.length > 0 ? (
            // Picked from what is installed, so the fallback is a model that can answer.
            <select value={model} onChange={(e) => setModel(e.target.value)} data-testid="local-fallback-model">
              {!installedHas(installed, model) && <option value={model}>{model} (not installed)</option>}
              {installed.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
            </select>
          ) : (
            // Ollama not reachable, or nothing installed yet: the name can still be typed.
            <input value={model} onChange={(e) => setModel(e.target.value)} data-testid="local-fallback-model" />
          )}
        </label>
        <button type="button" className="primary" onClick={() => void save()} data-testid="local-fallback-save">
          Save
        </button>
      </div>
      {installed && model && !installedHas(installed, model) && (
        <p className="muted small">{model} is not installed yet; pull it above.</p>
      )}
      <SaveResult message={message} />
    </section>
  );
}
