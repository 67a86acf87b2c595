/**
 * The health panel shows what needs attention first: failing providers, then
 * working ones, and only then the catalog entries nobody has set up yet, which
 * would otherwise bury the few that matter.
 */
import type { ProviderHealth } from '../../../shared/providers.js';

const RANK: Record<ProviderHealth['state'], number> = { down: 0, degraded: 1, ok: 2, unknown: 3, no_key: 4, disabled: 5 };

export function splitHealth(rows: readonly ProviderHealth[]): { active: ProviderHealth[]; idle: ProviderHealth[] } {
  const sorted = [...rows].sort((a, b) => RANK[a.state] - RANK[b.state]);
  return {
    active: sorted.filter((r) => r.state !== 'no_key' && r.state !== 'disabled'),
    idle: sorted.filter((r) => r.state === 'no_key' || r.state === 'disabled'),
  };
}
