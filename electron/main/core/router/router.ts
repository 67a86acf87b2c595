/**
 * Composes the router from its parts: the provider book, the planning and the
 * run loop. Routing and the book's administration are apart: `route` and
 * `preview` decide, `state` answers and changes what the book remembers.
 */
import { DEFAULT_BREAKER } from './breaker.js';
import { providerHealth, rowsFromSnapshot } from './health.js';
import { prepareRoute, type RouterCore } from './prepare-route.js';
import { ProviderBook } from './provider-book.js';
import { runRoute } from './run-route.js';
import type { Router, RouterDeps } from './types.js';

export function createRouter(deps: RouterDeps): Router {
  const book = new ProviderBook(deps.state, deps.clock.now(), { ...DEFAULT_BREAKER, ...deps.breaker }, deps.ledger);
  const core: RouterCore = { deps, book };

  return {
    route: (request, callbacks, signal) => runRoute(core, request, callbacks, signal),

    preview(request, draft) {
      const { decision, plan, promptTokens } = prepareRoute(core, request, draft);
      return {
        taskType: decision.taskType,
        reason: decision.reason,
        promptTokens,
        chain: plan.chain.map((t) => ({ provider: t.provider, model: t.model })),
        skipped: plan.skipped,
      };
    },

    state: {
      keyChanged: (providerId) => book.keyChanged(providerId),
      flaggedTargets: () => book.flagged(),
      unflag: (providerId, model) => book.unflag(providerId, model),
      health: () => {
        const now = deps.clock.now();
        // Other processes on the same data may have sent since: their attempts count too.
        book.syncUsage(now);
        const rows = deps.ledger?.health?.(now) ?? rowsFromSnapshot(book.snapshot, now);
        return providerHealth({ snapshot: book.snapshot, settings: deps.settings(), adapter: deps.adapter, online: deps.online(), rows, now });
      },
      resetCircuit: (providerId) => book.resetCircuit(providerId),
      flush: () => book.flush(),
    },
  };
}
