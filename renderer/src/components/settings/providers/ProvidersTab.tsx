import { useState } from 'react';
import { useSettings } from '../../../services-context.js';
import { isActive, isSetUp, matchesQuery, setUpFirst } from '../../../lib/provider-setup.js';
import { CatalogProviderForm } from './CatalogProviderForm.js';
import { CustomProviderForm } from './CustomProviderForm.js';
import { ProviderCard } from './ProviderCard.js';

export function ProvidersTab() {
  const providers = useSettings((s) => s.providers);
  const loaded = useSettings((s) => s.providersLoaded);
  const [query, setQuery] = useState('');
  const shown = setUpFirst(providers.filter((p) => matchesQuery(p, query)));
  const active = providers.filter(isActive).length;
  const notSetUp = providers.filter((p) => !isSetUp(p)).length;
  return (
    <div className="providers-tab">
      <div className="row">
        <input
          type="search"
          placeholder="Search providers"
          aria-label="Search providers"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="provider-search"
        />
        {loaded && (
          <span className="muted small" data-testid="provider-counts">
            {active} enabled{notSetUp > 0 ? ` · ${notSetUp} not set up` : ''}
          </span>
        )}
      </div>
      {loaded && providers.length === 0 && <p className="muted">No providers yet. Add one below.</p>}
      {providers.length > 0 && shown.length === 0 && <p className="muted">No provider matches “{query.trim()}”.</p>}
      {shown.map((p) => (
        <ProviderCard key={p.id} provider={p} />
      ))}
      <CatalogProviderForm />
      <CustomProviderForm />
    </div>
  );
}
