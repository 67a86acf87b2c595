import { useSettings } from '../../../services-context.js';
import { CatalogProviderForm } from './CatalogProviderForm.js';
import { CustomProviderForm } from './CustomProviderForm.js';
import { ProviderCard } from './ProviderCard.js';

export function ProvidersTab() {
  const providers = useSettings((s) => s.providers);
  const loaded = useSettings((s) => s.providersLoaded);
  return (
    <div className="providers-tab">
      {loaded && providers.length === 0 && <p className="muted">No providers yet. Add one below.</p>}
      {providers.map((p) => (
        <ProviderCard key={p.id} provider={p} />
      ))}
      <CatalogProviderForm />
      <CustomProviderForm />
    </div>
  );
}
