import { useState } from 'react';
import type { ProviderView } from '../../../../../shared/providers.js';
import { useSettings } from '../../../services-context.js';
import { configOf, headersFromRows, patchProvider, rowsFromHeaders, type HeaderRow } from '../../../lib/settings-edit.js';
import { HeadersEditor } from './HeadersEditor.js';
import { ErrorText } from '../../layout/ErrorText.js';

const URL_HINTS: Partial<Record<ProviderView['kind'], string>> = {
  openai: 'For a proxy or gateway in front of OpenAI: its URL up to /v1.',
  anthropic: 'For a proxy or gateway in front of Anthropic: its URL without /v1 (the SDK adds it).',
  'openai-compatible': 'The server’s OpenAI-compatible URL, usually ending in /v1.',
};

/** Edits the base URL and headers of a provider that can sit behind a proxy or gateway. */
export function ProviderEditForm({ provider, onDone }: { provider: ProviderView; onDone: () => void }) {
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const [baseURL, setBaseURL] = useState(provider.baseURL);
  const [headers, setHeaders] = useState<HeaderRow[]>(() => rowsFromHeaders(configOf(settings, provider.id)?.headers));
  const [error, setError] = useState<string>();

  async function save(): Promise<void> {
    const failed = await update((s) => patchProvider(s, provider, { baseURL: baseURL.trim(), headers: headersFromRows(headers) }));
    setError(failed);
    if (!failed) onDone();
  }

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Base URL <input value={baseURL} onChange={(e) => setBaseURL(e.target.value)} data-testid="provider-url" />
      </label>
      {URL_HINTS[provider.kind] && <p className="muted small help">{URL_HINTS[provider.kind]}</p>}
      <HeadersEditor rows={headers} onChange={setHeaders} />
      <ErrorText message={error} />
      <button type="submit" className="primary">
        Save
      </button>
    </form>
  );
}
