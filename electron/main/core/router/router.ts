/**
 * Composes the router from its parts: the persisted snapshot, the planning and
 * the run loop, plus the read-outs Settings and the health panel need.
 */
import type { ProviderHealth } from '../../../../shared/providers.js';
import { syncUsage } from './bookkeeping.js';
import { breakerView, DEFAULT_BREAKER } from './breaker.js';
import { recentCounts, ttftPercentile } from './health-stats.js';
import { prepareRoute, type RouterCore } from './prepare-route.js';
import { runRoute } from './run-route.js';
import { providerState, readSnapshot } from './state.js';
import { dayKey, monthKey } from './time-and-words.js';
import type { Router, RouterDeps } from './types.js';

export function createRouter(deps: RouterDeps): Router {
  const now = deps.clock.now();
  const core: RouterCore = {
    deps,
    snapshot: readSnapshot(deps.state, dayKey(now), monthKey(now)),
    tuning: { ...DEFAULT_BREAKER, ...deps.breaker },
    save: () => deps.state?.save(core.snapshot),
  };

  return {
    route: (request, callbacks, signal) => runRoute(core, request, callbacks, signal),

    preview(request) {
      const { decision, plan } = prepareRoute(core, request, true);
      return {
        taskType: decision.taskType,
        reason: decision.reason,
        chain: plan.chain.map((t) => ({ provider: t.provider, model: t.model })),
        skipped: plan.skipped,
      };
    },

    keyChanged(providerId) {
      const ps = providerState(core.snapshot, providerId);
      ps.keyRejected = undefined;
      if (ps.lastErrorKind === 'auth') {
        ps.lastErrorKind = undefined;
        ps.lastError = undefined;
      }
      core.save();
    },

    flush: async () => {
      await deps.state?.flush?.();
    },

    flaggedTargets: () => core.snapshot.flagged.map((f) => ({ ...f })),

    unflag(providerId, model) {
      core.snapshot.flagged = core.snapshot.flagged.filter((f) => f.provider !== providerId || (model !== undefined && f.model !== model));
      core.save();
    },

    health(): ProviderHealth[] {
      const at = deps.clock.now();
      syncUsage(core, at);
      return deps.settings().providers.map((p) => {
        const ps = core.snapshot.providers[p.id];
        const view = breakerView(ps, at);
        const counts = recentCounts(core.snapshot, p.id, at);
        const adapter = p.enabled ? deps.adapter(p.id) : undefined;
        const health: ProviderHealth = {
          provider: p.id,
          name: p.name ?? p.id,
          state: 'unknown',
          breaker: view.state,
          recentRequests: counts.requests,
          recentFailures: counts.failures,
        };
        if (!p.enabled) health.state = 'disabled';
        else if (adapter && 'unavailable' in adapter) health.state = 'no_key';
        else if (ps?.keyRejected || view.state === 'open') health.state = 'down';
        else if (ps?.exhaustedUntil !== undefined && at < ps.exhaustedUntil) health.state = 'down';
        else if (view.state === 'half_open' || counts.failures > 0) health.state = 'degraded';
        else if (counts.requests > 0) health.state = 'ok';
        const until = view.state === 'open' ? view.until : ps?.exhaustedUntil !== undefined && at < ps.exhaustedUntil ? ps.exhaustedUntil : undefined;
        if (until !== undefined) health.until = until;
        if (ps?.lastErrorKind) health.lastErrorKind = ps.lastErrorKind;
        if (ps?.lastError) health.lastError = ps.lastError;
        const last = counts.lastLatencyMs ?? ps?.lastLatencyMs;
        if (last !== undefined) health.lastLatencyMs = last;
        const p50 = ttftPercentile(core.snapshot, p.id, 50);
        if (p50 !== undefined) health.p50TtftMs = p50;
        return health;
      });
    },
  };
}
