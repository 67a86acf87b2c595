import { useState } from 'react';
import { useLocal, useServices, useUi } from '../../services-context.js';
import { PullModel } from '../settings/local/PullModel.js';
import { DEFAULT_LOCAL_MODEL } from '../../../../shared/settings.js';
import { loadAll } from '../../services.js';
import { aboutMb, STARTER_MODEL } from '../../../../shared/engine-catalog.js';
import { ModelDownload } from '../settings/engine/ModelDownload.js';

/** Shown while nothing can answer: add a key, or set up Ollama step by step. */
export function SetupCard() {
  const services = useServices();
  const go = useUi((s) => s.go);
  const status = useLocal((s) => s.status);
  const [local, setLocal] = useState(false);
  const [starter, setStarter] = useState(false);
  const [checking, setChecking] = useState(false);

  async function recheck(): Promise<void> {
    setChecking(true);
    await loadAll(services);
    setChecking(false);
  }

  return (
    <div className="card setup" data-testid="setup-card">
      <h2>Set up a provider</h2>
      <p>
        No provider is set up. Add an API key in Settings → Providers, or install Ollama (https://ollama.com) and run{' '}
        <code>ollama pull {DEFAULT_LOCAL_MODEL}</code>.
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={() => go('settings', 'providers')} data-testid="setup-add-key">
          Add an API key
        </button>
        <button type="button" onClick={() => setLocal(true)} data-testid="setup-local">
          Install Ollama
        </button>
        <button type="button" onClick={() => setStarter(true)} data-testid="setup-engine">
          Download a small local model ({aboutMb(STARTER_MODEL.sizeBytes)})
        </button>
      </div>
      {starter && (
        <div className="steps">
          <p className="small">
            {STARTER_MODEL.name} ({STARTER_MODEL.licence}) runs in Switchboard itself, with no other program. It answers when nothing else can.
          </p>
          <ModelDownload model={STARTER_MODEL} />
        </div>
      )}
      {local && (
        <ol className="steps">
          <li>
            Install Ollama from{' '}
            <a href="https://ollama.com" target="_blank" rel="noreferrer">
              https://ollama.com
            </a>
            .
          </li>
          <li>
            Start it (open the app, or run <code>ollama serve</code>).{' '}
            {status && (status.reachable ? <span className="ok">Ollama is running at {status.baseURL}.</span> : <span className="muted">Not reachable at {status.baseURL} yet{status.error ? `: ${status.error}` : ''}.</span>)}
          </li>
          <li>
            Pull {DEFAULT_LOCAL_MODEL}: <PullModel initial={DEFAULT_LOCAL_MODEL} />
          </li>
        </ol>
      )}
      <button type="button" className="link" onClick={() => void recheck()} disabled={checking} data-testid="setup-recheck">
        {checking ? 'Checking…' : 'Check again'}
      </button>
    </div>
  );
}
