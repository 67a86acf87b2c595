import { useUi, useSettings } from '../../services-context.js';
import type { SettingsTab } from '../../store/ui-store.js';
import { ApiTab } from './ApiTab.js';
import { BudgetsTab } from './BudgetsTab.js';
import { GeneralTab } from './GeneralTab.js';
import { ImportExportTab } from './ImportExportTab.js';
import { LocalTab } from './local/LocalTab.js';
import { ProvidersTab } from './providers/ProvidersTab.js';
import { RoutingTab } from './routing/RoutingTab.js';
import { ErrorText } from '../layout/ErrorText.js';

const TABS: Array<{ id: SettingsTab; label: string }> = [
  { id: 'providers', label: 'Providers' },
  { id: 'routing', label: 'Routing' },
  { id: 'local', label: 'Local models' },
  { id: 'budgets', label: 'Budgets & quotas' },
  { id: 'api', label: 'API' },
  { id: 'import', label: 'Import/Export' },
  { id: 'general', label: 'General' },
];

export function SettingsScreen() {
  const tab = useUi((s) => s.tab);
  const go = useUi((s) => s.go);
  const loadError = useSettings((s) => s.loadError);
  return (
    <section className="settings" aria-label="Settings">
      <header className="screen-header">
        <h1>Settings</h1>
      </header>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'tab active' : 'tab'}
            data-testid={`tab-${t.id}`}
            onClick={() => go('settings', t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <ErrorText message={loadError} />
      <div role="tabpanel" className="tab-panel">
        {tab === 'providers' && <ProvidersTab />}
        {tab === 'routing' && <RoutingTab />}
        {tab === 'local' && <LocalTab />}
        {tab === 'budgets' && <BudgetsTab />}
        {tab === 'api' && <ApiTab />}
        {tab === 'import' && <ImportExportTab />}
        {tab === 'general' && <GeneralTab />}
      </div>
    </section>
  );
}
