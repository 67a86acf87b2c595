import { isActive } from '../../lib/provider-setup.js';
import { useSettings } from '../../services-context.js';

export interface Override {
  provider: string;
  model: string;
}

/**
 * Optionally pin a provider (and model) for the next message instead of routing.
 * Only providers that can take a message are offered: one still waiting for its
 * key would only fail. `id` keeps two pickers on a page apart.
 */
export function RouteOverride({ value, onChange, id = 'override' }: { value: Override; onChange: (v: Override) => void; id?: string }) {
  const providers = useSettings((s) => s.providers);
  const chosen = providers.find((p) => p.id === value.provider);
  return (
    <>
      <label className="inline-field">
        <span>Provider</span>
        <select value={value.provider} onChange={(e) => onChange({ provider: e.target.value, model: '' })} data-testid={`${id === 'override' ? '' : `${id}-`}provider-override`}>
          <option value="">routed</option>
          {providers
            .filter(isActive)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </label>
      {chosen && (
        <label className="inline-field">
          <span>Model</span>
          <input
            list={`${id}-models`}
            value={value.model}
            placeholder="default"
            onChange={(e) => onChange({ ...value, model: e.target.value })}
            data-testid={`${id === 'override' ? '' : `${id}-`}model-override`}
          />
          <datalist id={`${id}-models`}>
            {chosen.models.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </label>
      )}
    </>
  );
}
