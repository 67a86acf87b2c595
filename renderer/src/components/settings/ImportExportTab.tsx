import { useState } from 'react';
import { useServices, useSettings } from '../../services-context.js';
import { errorText } from '../../lib/format.js';
import { SaveResult, type SaveMessage } from '../layout/SaveResult.js';

/** Settings as a JSON file (the CLI's --config format). Keys are never in it. */
export function ImportExportTab() {
  const { client } = useServices();
  const replace = useSettings((s) => s.replace);
  const refreshProviders = useSettings((s) => s.refreshProviders);
  const [message, setMessage] = useState<SaveMessage>();

  async function exportSettings(): Promise<void> {
    try {
      const { json } = await client.call('settings.export', {});
      const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'switchboard-settings.json';
      link.click();
      // Revoke after the click has been handled, or some browsers get an empty file.
      setTimeout(() => URL.revokeObjectURL(url), 1000);
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
      <section className="card" aria-label="Export">
        <h3>Export</h3>
        <p className="muted small">Providers, routes, task types, budgets and quotas. API keys are not included.</p>
        <button type="button" className="primary" onClick={() => void exportSettings()} data-testid="settings-export">
          Export settings
        </button>
      </section>
      <section className="card" aria-label="Import">
        <h3>Import</h3>
        <label>
          Settings file (JSON){' '}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="settings-import"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </section>
      <SaveResult message={message} okClassName="ok" okTestId="import-result" />
    </div>
  );
}
