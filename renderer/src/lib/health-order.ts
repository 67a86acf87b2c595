/**
 * The health panel shows what needs attention first: failing providers, then
 * working ones, then the ones turned off, and only then (tucked away) the catalog
 * entries nobody has set up yet, which would otherwise bury the few that matter.
 */
import type { ProviderHealth } from '../../../shared/providers.js';

const RANK: Record<ProviderHealth['state'], number> = {
  down: 0,
  key_rejected: 0,
  circuit_open: 1,
  rate_limited: 1,
  quota_exhausted: 1,
  offline: 1,
  degraded: 2,
  healthy: 3,
  unknown: 4,
  no_key: 5,
  disabled: 6,
};

export function splitHealth(rows: readonly ProviderHealth[]): { active: ProviderHealth[]; idle: ProviderHealth[] } {
  const sorted = [...rows].sort((a, b) => RANK[a.state] - RANK[b.state]);
  return {
    // One the user turned off stays in view, so it can be turned on again where it was turned off.
    active: sorted.filter((r) => r.state !== 'no_key'),
    idle: sorted.filter((r) => r.state === 'no_key'),
  };
}
