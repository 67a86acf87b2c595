import { useState } from 'react';
import type { CallResult } from '../../../../../shared/contract/index.js';
import type { Settings } from '../../../../../shared/settings.js';
import { useServices } from '../../../services-context.js';
import { errorText } from '../../../lib/format.js';
import { allTaskTypes, taskLabel } from '../../../lib/task-types.js';
import { ErrorText } from '../../layout/ErrorText.js';
import { SkippedList } from '../../chat/ChainLists.js';
import { PreviewChain } from './PreviewChain.js';

/** "Where would this go?": asks the router, under the edits not saved yet, without sending anything. */
export function RoutePreview({ draft, task }: { draft: Settings; task: string }) {
  const { client } = useServices();
  const [text, setText] = useState('');
  // Follows the task type being edited until the user picks one here.
  const [picked, setPicked] = useState<string>();
  const choice = picked ?? task;
  const [result, setResult] = useState<CallResult<'routing.preview'>>();
  const [error, setError] = useState<string>();

  async function preview(): Promise<void> {
    try {
      setResult(await client.call('routing.preview', { text, taskType: choice, settings: draft }));
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
      setResult(undefined);
    }
  }

  return (
    <section className="card" aria-label="Route preview">
      <h3>Where would this go?</h3>
      <p className="muted small">Uses the routes on this page, saved or not, and the providers' state right now. Nothing is sent.</p>
      <label className="visually-hidden" htmlFor="preview-text">
        Message to preview
      </label>
      <textarea id="preview-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="Paste a message" data-testid="preview-input" />
      <div className="row">
        <label className="inline-field">
          <span>Task type</span>
          <select value={choice} onChange={(e) => setPicked(e.target.value)} data-testid="preview-task">
            <option value="auto">auto (detect from the message)</option>
            {allTaskTypes(draft).map((t) => (
              <option key={t} value={t}>
                {taskLabel(draft, t)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void preview()} data-testid="preview-run">
          Preview route
        </button>
      </div>
      <ErrorText message={error} />
      {result && (
        <div data-testid="preview-result">
          <p>
            <strong>{result.taskType}</strong> — {result.reason} · prompt ≈ {result.promptTokens.toLocaleString('en')} tokens
          </p>
          <PreviewChain chain={result.chain} answerTokens={result.answerTokens} />
          {result.chain.length === 0 && <p className="muted">Nothing can take this message right now.</p>}
          <SkippedList skipped={result.skipped} />
        </div>
      )}
    </section>
  );
}
