import { useState } from 'react';
import type { ProviderView } from '../../../../../shared/providers.js';
import { useSettings } from '../../../services-context.js';
import { ErrorText } from '../../layout/ErrorText.js';

/** Enter or remove a key. The key goes to main and is never shown again. */
export function KeyForm({ provider }: { provider: ProviderView }) {
  const setKey = useSettings((s) => s.setKey);
  const deleteKey = useSettings((s) => s.deleteKey);
  const [key, setKeyText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const id = `key-${provider.id}`;
  const stored = provider.key.source === 'keychain' || provider.key.source === 'memory';

  async function save(): Promise<void> {
    setBusy(true);
    const failed = await setKey(provider.id, key);
    setBusy(false);
    setError(failed);
    if (!failed) setKeyText('');
  }

  async function remove(): Promise<void> {
    setBusy(true);
    setError(await deleteKey(provider.id));
    setBusy(false);
  }

  return (
    <form
      className="key-form row"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        API key for {provider.name}
      </label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder={stored ? 'Replace the key' : 'Paste an API key'}
        value={key}
        onChange={(e) => setKeyText(e.target.value)}
        data-testid="key-input"
      />
      <button type="submit" className="primary" disabled={busy || key.trim() === ''} data-testid="key-save">
        Save key
      </button>
      {stored && (
        <button type="button" onClick={() => void remove()} disabled={busy} data-testid="key-delete">
          Remove key
        </button>
      )}
      <ErrorText message={error} />
    </form>
  );
}
