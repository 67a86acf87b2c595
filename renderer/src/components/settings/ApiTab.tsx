/**
 * Settings → API: turn the local OpenAI- and Anthropic-compatible API on or
 * off, pick its port and the browser origins it trusts, see and rotate its
 * token, and copy a snippet for the tool at hand.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiInfo } from '../../../../shared/contract/calls-api.js';
import { apiSettingsOf, DEFAULT_API_PORT, type Settings } from '../../../../shared/settings.js';
import { useServices, useSettings } from '../../services-context.js';
import { apiSnippets, maskToken, parseOrigins } from '../../lib/api-snippets.js';
import { errorText } from '../../lib/format.js';
import { ErrorText } from '../layout/ErrorText.js';
import { SaveResult, savedOrFailed, type SaveMessage } from '../layout/SaveResult.js';

function useApiInfo(): { info?: ApiInfo; error?: string; refresh(): Promise<void>; rotate(): Promise<void> } {
  const { client } = useServices();
  const [info, setInfo] = useState<ApiInfo>();
  const [error, setError] = useState<string>();
  const run = useCallback(
    async (name: 'api.info' | 'api.rotateToken') => {
      try {
        setInfo(await client.call(name, {}));
        setError(undefined);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [client],
  );
  useEffect(() => {
    let live = true;
    client.call('api.info', {}).then(
      (next) => live && setInfo(next),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [client]);
  return { info, error, refresh: () => run('api.info'), rotate: () => run('api.rotateToken') };
}

function CopyButton({ text, label, testId }: { text: string; label: string; testId: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={() => {
        void navigator.clipboard.writeText(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
    >
      {copied ? 'Copied' : label}
    </button>
  );
}

export function ApiTab() {
  const settings = useSettings((s) => s.settings);
  const revision = useSettings((s) => s.revision);
  const api = useApiInfo();
  const [message, setMessage] = useState<SaveMessage>();
  if (!settings) return <p className="muted">Loading settings…</p>;
  return (
    <div className="api-settings">
      <ApiForm key={revision} initial={settings} message={message} onMessage={setMessage} onSaved={() => setTimeout(() => void api.refresh(), 300)} />
      <ErrorText message={api.error} />
      {api.info && <ApiStatus info={api.info} onRotate={() => void api.rotate()} />}
    </div>
  );
}

interface FormProps {
  initial: Settings;
  message: SaveMessage | undefined;
  onMessage(message: SaveMessage | undefined): void;
  onSaved(): void;
}

function ApiForm({ initial, message, onMessage: setMessage, onSaved }: FormProps) {
  const save = useSettings((s) => s.save);
  const start = apiSettingsOf(initial);
  const [enabled, setEnabled] = useState(start.enabled);
  const [port, setPort] = useState(String(start.port));
  const [origins, setOrigins] = useState(start.allowedOrigins.join('\n'));

  async function submit(): Promise<void> {
    const number = Number(port);
    if (!Number.isInteger(number) || number < 1 || number > 65535) {
      setMessage({ ok: false, text: 'The port is a whole number from 1 to 65535.' });
      return;
    }
    const failed = await save({ ...initial, api: { enabled, port: number, allowedOrigins: parseOrigins(origins) } });
    setMessage(savedOrFailed(failed));
    if (!failed) onSaved();
  }

  return (
    <form
      className="card"
      aria-label="Local API"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>Local API</h3>
      <p className="muted small">
        Editors, scripts and agents on this computer can use your routes, keys and fallback through an OpenAI- and Anthropic-compatible API on
        127.0.0.1. They never see a provider key; they need the token below.
      </p>
      <label className="toggle">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="api-enabled" />
        Run the local API
      </label>
      <label className="inline-field">
        <span>Port</span>
        <input type="number" min="1" max="65535" placeholder={String(DEFAULT_API_PORT)} value={port} onChange={(e) => setPort(e.target.value)} data-testid="api-port" />
      </label>
      <label className="field">
        <span>Browser origins allowed to call it (one per line; none by default)</span>
        <textarea rows={3} placeholder="http://localhost:3000" value={origins} onChange={(e) => setOrigins(e.target.value)} data-testid="api-origins" />
      </label>
      <SaveResult message={message} />
      <button type="submit" className="primary" data-testid="api-save">
        Save API settings
      </button>
    </form>
  );
}

function ApiStatus({ info, onRotate }: { info: ApiInfo; onRotate(): void }) {
  const [shown, setShown] = useState(false);
  const status = !info.hostServes
    ? 'This window does not run the API; use `switchboard serve`.'
    : info.running
      ? `Running at ${info.url ?? ''}`
      : info.error ?? (info.enabled ? 'Starting…' : 'Off');
  return (
    <section className="card" aria-label="API access">
      <p data-testid="api-status" className={info.error ? 'error' : 'muted'}>
        {status}
      </p>
      <div className="row">
        <span>Token</span>
        <code data-testid="api-token">{shown ? info.token : maskToken(info.token)}</code>
        <button type="button" onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
        </button>
        <CopyButton text={info.token} label="Copy" testId="api-token-copy" />
        <button
          type="button"
          data-testid="api-token-rotate"
          onClick={() => {
            if (window.confirm('Make a new token? Tools using the old one stop working until you give them the new one.')) onRotate();
          }}
        >
          Rotate
        </button>
      </div>
      {!info.tokenPersisted && <p className="warning small">No keychain is available: this token lasts until Switchboard quits.</p>}
      <h4>Use it from</h4>
      {apiSnippets(info.port, maskToken(info.token)).map((shownSnippet, i) => {
        const real = apiSnippets(info.port, info.token)[i];
        return (
          <details key={shownSnippet.id} className="snippet">
            <summary>{shownSnippet.title}</summary>
            <pre>{shownSnippet.code}</pre>
            <CopyButton text={real?.code ?? ''} label="Copy snippet" testId={`api-snippet-${shownSnippet.id}`} />
          </details>
        );
      })}
      <p className="muted small">
        Models: <code>switchboard/auto</code>, <code>switchboard/&lt;task type&gt;</code> or a concrete <code>provider/model</code>. Add the header{' '}
        <code>x-switchboard-no-fallback: 1</code> to leave the local fallback out.
      </p>
    </section>
  );
}
