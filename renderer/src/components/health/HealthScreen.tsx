import { useEffect, useState } from 'react';
import { useEngine, useHealth } from '../../services-context.js';
import { EngineStatusLine } from '../settings/engine/EngineStatusLine.js';
import { splitHealth } from '../../lib/health-order.js';
import { testable } from '../../store/health-store.js';
import { ErrorText } from '../layout/ErrorText.js';
import { ProviderHealthCard } from './ProviderHealthCard.js';
import { UsageView } from './UsageView.js';

export function HealthScreen() {
  const providers = useHealth((s) => s.providers);
  const loaded = useHealth((s) => s.loaded);
  const error = useHealth((s) => s.error);
  const refresh = useHealth((s) => s.refresh);
  const watch = useHealth((s) => s.watch);
  const testAll = useHealth((s) => s.testAll);
  const testing = useHealth((s) => Object.values(s.probes).some((p) => p.pending));
  const [tab, setTab] = useState<'providers' | 'usage'>('providers');

  const engineModels = useEngine((s) => s.view?.models.length ?? 0);
  const refreshEngine = useEngine((s) => s.refresh);
  useEffect(() => {
    void refresh();
    void refreshEngine();
  }, [refresh, refreshEngine]);
  useEffect(() => watch(), [watch]);
  const { active, idle } = splitHealth(providers);

  return (
    <section className="health" aria-label="Provider health">
      <header className="screen-header">
        <h1>Health</h1>
        <div role="tablist" className="tabs">
          <button type="button" role="tab" aria-selected={tab === 'providers'} onClick={() => setTab('providers')}>
            Providers
          </button>
          <button type="button" role="tab" aria-selected={tab === 'usage'} onClick={() => setTab('usage')}>
            Usage
          </button>
        </div>
        {tab === 'providers' && (
          <>
            <button type="button" onClick={() => void testAll()} disabled={testing || !providers.some(testable)}>
              {testing ? 'Testing…' : 'Test all connections'}
            </button>
            <button type="button" onClick={() => void refresh()}>
              Refresh
            </button>
          </>
        )}
      </header>
      <ErrorText message={error} />
      {tab === 'usage' ? (
        <UsageView />
      ) : (
        <>
          {loaded && providers.length === 0 && <p className="muted">No providers are configured.</p>}
          <div className="health-cards">
            {active.map((p) => (
              <ProviderHealthCard key={p.provider} health={p} />
            ))}
          </div>
          {idle.length > 0 && (
            <details className="health-idle">
              <summary>Not set up ({idle.length})</summary>
              <div className="health-cards">
                {idle.map((p) => (
                  <ProviderHealthCard key={p.provider} health={p} />
                ))}
              </div>
            </details>
          )}
          {engineModels > 0 && (
            <section className="card" aria-label="Built-in engine">
              <h3>Built-in engine</h3>
              <EngineStatusLine />
            </section>
          )}
        </>
      )}
    </section>
  );
}
