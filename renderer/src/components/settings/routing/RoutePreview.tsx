import { useState } from 'react';
import type { CallResult } from '../../../../../shared/contract/index.js';
import { useServices } from '../../../services-context.js';
import { errorText } from '../../../lib/format.js';
import { ErrorText } from '../../layout/ErrorText.js';
import { ChainList, SkippedList } from '../../chat/ChainLists.js';

/** "Where would this go?": asks the router without sending anything. */
export function RoutePreview() {
  const { client } = useServices();
  const [text, setText] = useState('');
  const [result, setResult] = useState<CallResult<'routing.preview'>>();
  const [error, setError] = useState<string>();

  async function preview(): Promise<void> {
    try {
      setResult(await client.call('routing.preview', { text, taskType: 'auto' }));
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
      setResult(undefined);
    }
  }

  return (
    <section className="card" aria-label="Route preview">
      <h3>Where would this go?</h3>
      <label className="visually-hidden" htmlFor="preview-text">
        Message to preview
      </label>
      <textarea id="preview-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste a message" data-testid="preview-input" />
      <button type="button" onClick={() => void preview()} data-testid="preview-run">
        Preview route
      </button>
      <ErrorText message={error} />
      {result && (
        <div data-testid="preview-result">
          <p>
            <strong>{result.taskType}</strong> — {result.reason}
          </p>
          <ChainList chain={result.chain} />
          {result.chain.length === 0 && <p className="muted">Nothing can take this message right now.</p>}
          <SkippedList skipped={result.skipped} />
        </div>
      )}
    </section>
  );
}
