import { useState } from 'react';
import { CATALOG_SUMMARY, type CatalogEntry } from '../../../../../shared/catalog-summary.js';
import type { ProviderConfig } from '../../../../../shared/settings.js';
import { useSettings } from '../../../services-context.js';
import { ErrorText } from '../../layout/ErrorText.js';

function configFor(entry: CatalogEntry): ProviderConfig {
  const config: ProviderConfig = { id: entry.id, kind: entry.kind, preset: entry.id, name: entry.name, baseURL: entry.baseURL, enabled: true };
  // The first variable is the one the catalog's defaults use too.
  const env = entry.keyEnvVars[0];
  if (env) config.apiKeyEnv = env;
  return config;
}

/**
 * Adds a known host (Groq, Mistral…) with its preset URL. Once the user has saved
 * settings of their own, catalog providers they removed are no longer listed, so
 * this is the way back to them without typing URLs.
 */
export function CatalogProviderForm() {
  const providers = useSettings((s) => s.providers);
  const update = useSettings((s) => s.update);
  const offered = CATALOG_SUMMARY.filter((e) => !providers.some((p) => p.id === e.id));
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string>();
  const entry = offered.find((e) => e.id === chosen) ?? offered[0];

  async function add(): Promise<void> {
    if (!entry) return;
    const failed = await update((s) => ({ ...s, providers: [...s.providers, configFor(entry)] }));
    setError(failed);
    if (!failed) setChosen('');
  }

  if (offered.length === 0) return null;
  return (
    <form
      className="row catalog-add"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <label className="inline-field">
        <span>Add from catalog</span>
        <select value={entry?.id ?? ''} onChange={(e) => setChosen(e.target.value)} data-testid="catalog-preset">
          {offered.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      {entry && <span className="muted small mono">{entry.baseURL}</span>}
      <button type="submit" data-testid="catalog-add">
        Add
      </button>
      <ErrorText message={error} />
    </form>
  );
}
