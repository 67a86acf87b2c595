import { useState } from 'react';
import { useSettings } from '../../../services-context.js';
import { headersFromRows, parseModelList, type HeaderRow } from '../../../lib/settings-edit.js';
import { HeadersEditor } from './HeadersEditor.js';
import { ErrorText } from '../../layout/ErrorText.js';

/** Adds an OpenAI-compatible provider (LM Studio, vLLM, a gateway…) to settings. */
export function CustomProviderForm() {
  const update = useSettings((s) => s.update);
  const providers = useSettings((s) => s.providers);
  const [open, setOpen] = useState(false);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [baseURL, setBaseURL] = useState('');
  const [models, setModels] = useState('');
  const [headers, setHeaders] = useState<HeaderRow[]>([]);
  const [error, setError] = useState<string>();

  async function add(): Promise<void> {
    if (providers.some((p) => p.id === id.trim())) {
      setError(`id: a provider "${id.trim()}" already exists`);
      return;
    }
    const failed = await update((s) => ({
      ...s,
      providers: [
        ...s.providers,
        {
          id: id.trim(),
          kind: 'openai-compatible',
          name: name.trim() || undefined,
          baseURL: baseURL.trim(),
          headers: headersFromRows(headers),
          models: parseModelList(models),
          enabled: true,
        },
      ],
    }));
    setError(failed);
    if (!failed) {
      setOpen(false);
      setId('');
      setName('');
      setBaseURL('');
      setModels('');
      setHeaders([]);
    }
  }

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="add-provider">
        Add an OpenAI-compatible provider
      </button>
    );
  }
  return (
    <form
      className="card form"
      data-testid="custom-provider-form"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <h3>New OpenAI-compatible provider</h3>
      <label>
        Id <input value={id} onChange={(e) => setId(e.target.value)} placeholder="lmstudio" required data-testid="custom-id" />
      </label>
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} placeholder="LM Studio" data-testid="custom-name" />
      </label>
      <label>
        Base URL <input value={baseURL} onChange={(e) => setBaseURL(e.target.value)} placeholder="http://127.0.0.1:1234/v1" required data-testid="custom-url" />
      </label>
      <label>
        Models (comma or line separated)
        <textarea rows={2} value={models} onChange={(e) => setModels(e.target.value)} data-testid="custom-models" />
      </label>
      <HeadersEditor rows={headers} onChange={setHeaders} />
      <ErrorText message={error} />
      <div className="row">
        <button type="submit" className="primary" data-testid="custom-save">
          Add provider
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
