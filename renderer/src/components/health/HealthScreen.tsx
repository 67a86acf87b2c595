import { useEffect } from 'react';
import { useEngine, useHealth } from '../../services-context.js';
import { EngineStatusLine } from '../settings/engine/EngineStatusLine.js';
import { splitHealth } from '../../lib/health-order.js';
import { HealthRow } from './HealthRow.js';
import { ErrorText } from '../layout/ErrorText.js';

export function HealthScreen() {
  const providers = useHealth((s) => s.providers);
  const loaded = useHealth((s) => s.loaded);
  const error = useHealth((s) => s.error);
  const refresh = useHealth((s) => s.refresh);

  const engineModels = useEngine((s) => s.view?.models.length ?? 0);
  const refreshEngine = useEngine((s) => s.refresh);
  useEffect(() => {
    void refresh();
    void refreshEngine();
  }, [refresh, refreshEngine]);
  const { active, idle } = splitHealth(providers);

  return (
    <section className="health" aria-label="Provider health">
      <header className="screen-header">
        <h1>Health</h1>
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
      </header>
      <ErrorText message={error} />
      {loaded && providers.length === 0 && <p className="muted">No providers are configured.</p>}
      <table className="health-table">
        <thead>
          <tr>
            <th>Provider</th>
            <th>Status</th>
            <th>Breaker</th>
            <th>Last error</th>
            <th>Last latency</th>
            <th>p50 first token</th>
            <th>Recent</th>
            <th>Test</th>
          </tr>
        </thead>
        <tbody>
          {active.map((p) => (
            <HealthRow key={p.provider} health={p} />
          ))}
        </tbody>
      </table>
      {idle.length > 0 && (
        <details className="health-idle">
          <summary>Not set up or disabled ({idle.length})</summary>
          <table className="health-table">
            <tbody>
              {idle.map((p) => (
                <HealthRow key={p.provider} health={p} />
              ))}
            </tbody>
          </table>
        </details>
      )}
      {engineModels > 0 && (
        <section className="card" aria-label="Built-in engine">
          <h3>Built-in engine</h3>
          <EngineStatusLine />
        </section>
      )}
    </section>
  );
}
