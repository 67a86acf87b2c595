import { useState } from 'react';
import { useChat, useConversations, useNotices, useServices } from '../../services-context.js';
import { downloadText } from '../../lib/download.js';
import { errorText, formatBytes } from '../../lib/format.js';
import { SaveResult, type SaveMessage } from '../layout/SaveResult.js';
import { JsonFileInput } from '../layout/JsonFileInput.js';

/** What one WebSocket message of the browser host may carry, less room for the envelope. */
const WEB_IMPORT_LIMIT = 7.5 * 1024 * 1024;

/** One conversation as Markdown or JSON, a JSON backup of all of them, and the import of either. */
export function ConversationTransfer() {
  const { client } = useServices();
  const list = useConversations((s) => s.list);
  const refresh = useConversations((s) => s.refresh);
  const current = useChat((s) => s.current);
  const host = useNotices((s) => s.info?.host);
  const [chosen, setChosen] = useState<string>();
  const [message, setMessage] = useState<SaveMessage>();
  const id = chosen ?? current ?? list[0]?.id;

  async function exportOne(format: 'md' | 'json'): Promise<void> {
    if (!id) return;
    try {
      const file = await client.call('conversations.export', { id, format });
      downloadText(file.fileName, file.text, format === 'md' ? 'text/markdown' : 'application/json');
      setMessage({ ok: true, text: `Exported ${file.fileName}.` });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  async function backup(): Promise<void> {
    try {
      const file = await client.call('conversations.backup', {});
      downloadText(file.fileName, file.text, 'application/json');
      setMessage({ ok: true, text: `Backed up ${file.count} conversation${file.count === 1 ? '' : 's'} to ${file.fileName}.` });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  async function importFile(file: File): Promise<void> {
    if (host === 'web' && file.size > WEB_IMPORT_LIMIT) {
      setMessage({ ok: false, text: `${file.name} is ${formatBytes(file.size)}; browser mode imports files up to ${formatBytes(WEB_IMPORT_LIMIT)}. Use "switchboard import" or the desktop app. Nothing was imported.` });
      return;
    }
    try {
      const { imported } = await client.call('conversations.import', { text: await file.text() });
      await refresh();
      setMessage({ ok: true, text: `Imported ${imported.length} conversation${imported.length === 1 ? '' : 's'} from ${file.name}.` });
    } catch (e) {
      setMessage({ ok: false, text: `${file.name}: ${errorText(e)}` });
    }
  }

  return (
    <section className="card" aria-label="Conversations">
      <h3>Conversations</h3>
      <p className="muted small">Files hold the messages and their details, never an API key. An import adds conversations and changes none you have.</p>
      <div className="row">
        <label className="inline-field">
          <span>Conversation</span>
          <select value={id ?? ''} onChange={(e) => setChosen(e.target.value)} disabled={list.length === 0} data-testid="export-conversation">
            {list.length === 0 && <option value="">No conversations yet</option>}
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!id} onClick={() => void exportOne('md')} data-testid="export-md">
          Export as Markdown
        </button>
        <button type="button" disabled={!id} onClick={() => void exportOne('json')} data-testid="export-json">
          Export as JSON
        </button>
      </div>
      <div className="row">
        <button type="button" className="primary" onClick={() => void backup()} data-testid="backup-all">
          Back up all conversations
        </button>
        <JsonFileInput label="Import a backup or conversation (JSON)" testId="conversations-import" onFile={(file) => void importFile(file)} />
      </div>
      <SaveResult message={message} okClassName="ok" okTestId="conversations-transfer-result" />
    </section>
  );
}
