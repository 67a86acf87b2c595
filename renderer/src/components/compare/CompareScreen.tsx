/**
 * Compare mode: one question to 2–4 chosen targets, the answers side by side,
 * each with its latency, tokens/s and cost, each stoppable on its own; the
 * picked one continues the conversation and the others stay in it, set aside.
 */
import { useState } from 'react';
import { useChat, useCompare, useSettings, useUi } from '../../services-context.js';
import { formatMs, formatUsd } from '../../lib/format.js';
import { tokensPerSecond, type CompareColumn } from '../../store/compare-store.js';
import { useProviderName } from '../../lib/provider-names.js';
import { isActive } from '../../lib/provider-setup.js';
import { MessageError } from '../chat/MessageError.js';

const key = (t: { provider: string; model: string }) => `${t.provider}/${t.model}`;

function Column({ column }: { column: CompareColumn }) {
  const stop = useCompare((s) => s.stop);
  const pick = useCompare((s) => s.pick);
  const picked = useCompare((s) => s.picked);
  const conversationId = useCompare((s) => s.conversationId);
  const open = useChat((s) => s.open);
  const go = useUi((s) => s.go);
  const name = useProviderName();
  const m = column.message;
  const rate = tokensPerSecond(m);
  const latency = m?.latencyMs ?? (column.endedAt !== undefined ? column.endedAt - column.startedAt : undefined);
  return (
    <section className={`compare-column status-${column.status}`} data-testid="compare-column" data-provider={column.provider} data-status={column.status} aria-label={key(column)}>
      <header>
        <strong>{name(column.provider)}</strong> <span className="muted">{column.model}</span>
      </header>
      <dl className="compare-stats">
        <dt>Latency</dt>
        <dd data-testid="compare-latency">{formatMs(latency)}</dd>
        <dt>Tokens/s</dt>
        <dd data-testid="compare-rate">{rate === undefined ? '—' : rate.toFixed(1)}</dd>
        <dt>Cost</dt>
        <dd data-testid="compare-cost">{formatUsd(m?.costUsd)}</dd>
      </dl>
      <div className="compare-text" data-testid="compare-text">
        {column.text || (column.status === 'streaming' ? <span className="muted">Waiting for {name(column.provider)}…</span> : null)}
      </div>
      {m?.status === 'error' && (
        // As in the chat: one plain sentence, the provider's own words behind Details.
        <div className="small" data-testid="compare-error">
          <MessageError message={m} />
        </div>
      )}
      <footer>
        {column.status === 'streaming' && (
          <button type="button" data-testid="compare-stop" onClick={() => void stop(column.messageId)}>
            Stop
          </button>
        )}
        {column.status === 'done' && !picked && (
          <button
            type="button"
            className="primary"
            data-testid="compare-pick"
            onClick={async () => {
              if ((await pick(column.messageId)) && conversationId) {
                await open(conversationId);
                go('chat');
              }
            }}
          >
            Continue with this
          </button>
        )}
        {picked === column.messageId && <span className="muted">Picked</span>}
        {column.status === 'cancelled' && (
          <span className="muted" data-testid="compare-stopped">
            Stopped; the text so far is kept
          </span>
        )}
      </footer>
    </section>
  );
}

export function CompareScreen() {
  const providers = useSettings((s) => s.providers);
  const columns = useCompare((s) => s.columns);
  const question = useCompare((s) => s.question);
  const start = useCompare((s) => s.start);
  const starting = useCompare((s) => s.starting);
  const error = useCompare((s) => s.error);
  const reset = useCompare((s) => s.reset);
  const current = useChat((s) => s.current);
  const [chosen, setChosen] = useState<string[]>([]);
  const [text, setText] = useState('');
  // A provider still waiting for its key is no target: its column could only fail.
  const targets = providers.filter(isActive).flatMap((p) => p.models.map((model) => ({ provider: p.id, model, label: `${p.name} · ${model}` })));
  const ready = chosen.length >= 2 && chosen.length <= 4 && text.trim() !== '' && !starting;
  const toggle = (k: string) => setChosen((c) => (c.includes(k) ? c.filter((x) => x !== k) : [...c, k]));

  return (
    <section className="compare" aria-label="Compare">
      <form
        className="compare-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!ready) return;
          const picked = targets.filter((t) => chosen.includes(key(t))).map(({ provider, model }) => ({ provider, model }));
          if (await start(text, picked, current)) setText('');
        }}
      >
        <fieldset>
          <legend>Targets (choose 2 to 4)</legend>
          <div className="compare-targets">
            {targets.map((t) => (
              <label key={key(t)}>
                <input
                  type="checkbox"
                  data-testid="compare-target"
                  value={key(t)}
                  checked={chosen.includes(key(t))}
                  disabled={!chosen.includes(key(t)) && chosen.length >= 4}
                  onChange={() => toggle(key(t))}
                />{' '}
                {t.label}
              </label>
            ))}
            {targets.length === 0 && <p className="muted">Set up at least two providers or models under Settings → Providers to compare them.</p>}
          </div>
        </fieldset>
        <textarea data-testid="compare-input" aria-label="Question to compare" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={current ? 'Asked in the open chat' : 'Starts a new chat'} />
        <div className="compare-actions">
          <button type="submit" className="primary" data-testid="compare-send" disabled={!ready}>
            Compare {chosen.length > 0 ? `(${chosen.length})` : ''}
          </button>
          {columns.length > 0 && (
            <button type="button" onClick={reset}>
              Clear
            </button>
          )}
        </div>
        {error && <p className="error small">{error}</p>}
      </form>
      {question && <p className="compare-question">{question}</p>}
      <div className="compare-columns" style={{ gridTemplateColumns: `repeat(${Math.max(1, columns.length)}, minmax(0, 1fr))` }}>
        {columns.map((c) => (
          <Column key={c.messageId} column={c} />
        ))}
      </div>
    </section>
  );
}
