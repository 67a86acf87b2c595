import { useState } from 'react';
import { useSettings } from '../../../services-context.js';
import { formatUsd } from '../../../lib/format.js';

/** The provider's live model list, searchable. Fetched only when opened. */
export function ModelBrowser({ provider }: { provider: string }) {
  const state = useSettings((s) => s.models[provider]);
  const load = useSettings((s) => s.loadModels);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const models = (state?.models ?? []).filter((m) => m.id.toLowerCase().includes(query.trim().toLowerCase()));

  return (
    <div className="model-browser">
      <button
        type="button"
        className="link"
        aria-expanded={open}
        onClick={() => {
          if (!open && !state) void load(provider);
          setOpen(!open);
        }}
      >
        {open ? '▾' : '▸'} Models
      </button>
      {open && (
        <div>
          <div className="row">
            <input type="search" placeholder="Search models" aria-label="Search models" value={query} onChange={(e) => setQuery(e.target.value)} />
            <button type="button" onClick={() => void load(provider)} disabled={state?.loading}>
              {state?.loading ? 'Loading…' : 'Reload'}
            </button>
            {state?.source && <span className="muted small">{state.source === 'live' ? 'live from the provider' : 'from the catalog'}</span>}
          </div>
          {state?.error && <p className="error small">{state.error}</p>}
          <ul className="model-list">
            {models.map((m) => (
              <li key={m.id}>
                <span className="mono">{m.id}</span>
                <span className="muted small">
                  {m.contextWindow ? ` ${m.contextWindow.toLocaleString('en')} ctx` : ''}
                  {m.inputUsdPerMTok !== undefined ? ` · ${formatUsd(m.inputUsdPerMTok)}/${formatUsd(m.outputUsdPerMTok)} per M` : ''}
                </span>
              </li>
            ))}
          </ul>
          {state?.models && models.length === 0 && <p className="muted small">No model matches.</p>}
        </div>
      )}
    </div>
  );
}
