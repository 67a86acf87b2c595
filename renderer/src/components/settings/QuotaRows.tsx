import type { Settings } from '../../../../shared/settings.js';
import { useSettings } from '../../services-context.js';
import { OptionalNumberInput } from '../layout/OptionalNumberInput.js';

type Quotas = Settings['quotas'];

/** Per-provider daily limits; a provider with neither limit set is left out. */
export function QuotaRows({ quotas, onChange }: { quotas: Quotas; onChange: (q: Quotas) => void }) {
  const providers = useSettings((s) => s.providers);

  function set(id: string, patch: { requestsPerDay?: number; tokensPerDay?: number }): void {
    const merged = { ...quotas[id], ...patch };
    const next = { ...quotas };
    if (merged.requestsPerDay === undefined && merged.tokensPerDay === undefined) delete next[id];
    else next[id] = merged;
    onChange(next);
  }

  return (
    <section className="card" aria-label="Quotas">
      <h3>Quotas per provider</h3>
      <div className="table-wrap">
        <table className="quota-table">
          <thead>
            <tr>
              <th>Provider</th>
              <th>Requests per day</th>
              <th>Tokens per day</th>
            </tr>
          </thead>
          <tbody>
            {providers.map((p) => (
              <tr key={p.id} data-provider={p.id}>
                <td>{p.name}</td>
                <td>
                  <OptionalNumberInput min="1" step="1" placeholder="no limit" aria-label={`${p.name} requests per day`} value={quotas[p.id]?.requestsPerDay} onChange={(requestsPerDay) => set(p.id, { requestsPerDay })} />
                </td>
                <td>
                  <OptionalNumberInput min="1" step="1" placeholder="no limit" aria-label={`${p.name} tokens per day`} value={quotas[p.id]?.tokensPerDay} onChange={(tokensPerDay) => set(p.id, { tokensPerDay })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
