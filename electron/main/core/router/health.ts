/** The health panel's view of each configured provider: a pure function of the book and the settings. */
import type { ProviderHealth } from '../../../../shared/providers.js';
import type { Settings } from '../../../../shared/settings.js';
import type { ProviderAdapter } from '../providers/types.js';
import { breakerView } from './breaker.js';
import { recentCounts, ttftPercentile } from './health-stats.js';
import type { RouterSnapshot } from './state.js';

export function providerHealth(
  snapshot: Readonly<RouterSnapshot>,
  settings: Settings,
  adapter: (providerId: string) => ProviderAdapter | { unavailable: string },
  at: number,
): ProviderHealth[] {
  return settings.providers.map((p) => {
    const ps = snapshot.providers[p.id];
    const view = breakerView(ps, at);
    const counts = recentCounts(snapshot, p.id, at);
    const usable = p.enabled ? adapter(p.id) : undefined;
    const exhausted = ps?.exhaustedUntil !== undefined && at < ps.exhaustedUntil ? ps.exhaustedUntil : undefined;
    const health: ProviderHealth = {
      provider: p.id,
      name: p.name ?? p.id,
      state: 'unknown',
      breaker: view.state,
      recentRequests: counts.requests,
      recentFailures: counts.failures,
    };
    if (!p.enabled) health.state = 'disabled';
    else if (usable && 'unavailable' in usable) health.state = 'no_key';
    else if (ps?.keyRejected || view.state === 'open' || exhausted !== undefined) health.state = 'down';
    else if (view.state === 'half_open' || counts.failures > 0) health.state = 'degraded';
    else if (counts.requests > 0) health.state = 'ok';
    const until = view.state === 'open' ? view.until : exhausted;
    if (until !== undefined) health.until = until;
    if (ps?.lastErrorKind) health.lastErrorKind = ps.lastErrorKind;
    if (ps?.lastError) health.lastError = ps.lastError;
    const last = counts.lastLatencyMs ?? ps?.lastLatencyMs;
    if (last !== undefined) health.lastLatencyMs = last;
    const p50 = ttftPercentile(snapshot, p.id, 50);
    if (p50 !== undefined) health.p50TtftMs = p50;
    return health;
  });
}
