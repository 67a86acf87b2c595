import { useState } from 'react';
import { useNotices, useServices, useSettings } from '../../services-context.js';
import { downloadText } from '../../lib/download.js';
import { ConversationTransfer } from './ConversationTransfer.js';
import { JsonFileInput } from '../layout/JsonFileInput.js';
import { errorText } from '../../lib/format.js';
import { SaveResult, type SaveMessage } from '../layout/SaveResult.js';

/** Settings as a JSON file (the CLI's --config format), and conversations as files. Keys are never in either. */
export function ImportExportTab() {
  const { client } = useServices();
  const replace = useSettings((s) => s.replace);
  const refreshProviders = useSettings((s) => s.refreshProviders);
  const [message, setMessage] = useState<SaveMessage>();
  // Settings from --config are the file's: they can be exported, not replaced.
  const readOnly = useNotices((s) => s.info?.configFile !== undefined);

  async function exportSettings(): Promise<void> {
    try {
      const { json } = await client.call('settings.export', {});
      downloadText('switchboard-settings.json', json, 'application/json');
      setMessage({ ok: true, text: 'Exported switchboard-settings.json.' });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  async function importFile(file: File): Promise<void> {
    try {
      const settings = await client.call('settings.import', { json: await file.text() });
      replace(settings);
      await refreshProviders();
      setMessage({ ok: true, text: `Imported ${file.name}.` });
    } catch (e) {
      setMessage({ ok: false, text: `${file.name}: ${errorText(e)}` });
    }
  }

  return (
    <div className="import-export">
      <ConversationTransfer />
      <section className="card" aria-label="Export">
        <h3>Export settings</h3>
        <p className="muted small">Providers, routes, task types, budgets and quotas. API keys are not included.</p>
        <button type="button" className="primary" onClick={() => void exportSettings()} data-testid="settings-export">
          Export settings
        </button>
      </section>
      <section className="card" aria-label="Import">
        <h3>Import settings</h3>
        <JsonFileInput label="Settings file (JSON)" testId="settings-import" disabled={readOnly} onFile={(file) => void importFile(file)} />
      </section>
      <SaveResult message={message} okClassName="ok" okTestId="import-result" />
    </div>
  );
}
