import { useState } from 'react';
import { useNotices, useServices, useSettings } from '../../services-context.js';
import { errorText } from '../../lib/format.js';
import { SaveResult, type SaveMessage } from '../layout/SaveResult.js';
import { AppearanceSection } from './AppearanceSection.js';

/** App-level settings: the theme, updates of the desktop app, and where its log files are. */
export function GeneralTab() {
  const { client } = useServices();
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const info = useNotices((s) => s.info);
  const [message, setMessage] = useState<SaveMessage>();
  const desktop = info?.host === 'electron';

  async function setUpdates(checkAutomatically: boolean): Promise<void> {
    const error = await update((current) => ({ ...current, updates: { checkAutomatically } }));
    setMessage(error ? { ok: false, text: error } : { ok: true, text: checkAutomatically ? 'Switchboard will check for updates.' : 'Automatic update checks are off.' });
  }

  async function openLogFolder(): Promise<void> {
    try {
      const { opened, path } = await client.call('app.openLogFolder', {});
      setMessage({ ok: true, text: opened ? `Opened ${path}.` : `Log files are in ${path}.` });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  return (
    <div className="general-settings">
      <AppearanceSection />
      <section className="card" aria-label="Updates">
        <h3>Updates</h3>
        <label>
          <input
            type="checkbox"
            data-testid="updates-toggle"
            checked={settings?.updates.checkAutomatically ?? true}
            onChange={(e) => void setUpdates(e.target.checked)}
          />{' '}
          Check for updates automatically
        </label>
        <p className="muted small">
          {desktop
            ? 'Checked at start and every few hours. You are asked before an update is downloaded and before it is installed.'
            : 'Applies to the desktop app; browser mode runs from your checkout and does not update itself.'}
        </p>
      </section>
      <section className="card" aria-label="Logs">
        <h3>Logs</h3>
        <p className="muted small">Each run writes a log with no keys in it{info ? ` to ${info.logFolder}` : ''}. Attach it to a bug report.</p>
        <button type="button" data-testid="open-log-folder" onClick={() => void openLogFolder()}>
          {desktop ? 'Open log folder' : 'Show log folder'}
        </button>
      </section>
      <SaveResult message={message} />
    </div>
  );
}
