import { useNotices, useUi, useSettings } from '../../services-context.js';
import type { SettingsTab } from '../../store/ui-store.js';
import { ApiTab } from './ApiTab.js';
import { BudgetsTab } from './BudgetsTab.js';
import { GeneralTab } from './GeneralTab.js';
import { ImportExportTab } from './ImportExportTab.js';
import { LocalTab } from './local/LocalTab.js';
import { PresetsTab } from './presets/PresetsTab.js';
import { ProvidersTab } from './providers/ProvidersTab.js';
import { RoutingTab } from './routing/RoutingTab.js';
import { ErrorText } from '../layout/ErrorText.js';

const TABS: Array<{ id: SettingsTab; label: string }> = [
  { id: 'providers', label: 'Providers' },
  { id: 'routing', label: 'Routing' },
  { id: 'presets', label: 'Presets' },
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
  const unsaved = useUi((s) => s.unsaved);
  const configFile = useNotices((s) => s.info?.configFile);
  // Conversations can still be exported and imported; only the settings are the file's.
  const readOnly = configFile !== undefined && tab !== 'import';
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
            {unsaved && tab === t.id && (
              <span className="unsaved-dot" aria-label="unsaved edits">
                •
              </span>
            )}
          </button>
        ))}
      </div>
      <ErrorText message={loadError} />
      {configFile !== undefined && (
        <p className="read-only-note" role="note" data-testid="config-read-only">
          These settings come from <span className="mono">{configFile}</span> (started with --config), so they are read-only here: edit that file and restart to change them.
        </p>
      )}
      <div role="tabpanel" className="tab-panel">
        {/* A disabled fieldset makes every control inside read-only from the first frame, not at Save. */}
        <fieldset className="read-only" disabled={readOnly} data-testid="settings-fieldset">
          {tab === 'providers' && <ProvidersTab />}
          {tab === 'routing' && <RoutingTab />}
          {tab === 'presets' && <PresetsTab />}
          {tab === 'local' && <LocalTab />}
          {tab === 'budgets' && <BudgetsTab />}
          {tab === 'api' && <ApiTab />}
          {tab === 'import' && <ImportExportTab />}
          {tab === 'general' && <GeneralTab />}
        </fieldset>
      </div>
    </section>
  );
}
