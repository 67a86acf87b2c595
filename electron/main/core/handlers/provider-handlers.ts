/** Handlers for providers, keys, health and the routing preview. */
import type { providerCalls } from '../../../../shared/contract/calls-providers.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import type { ProviderHealth } from '../../../../shared/providers.js';
import type { KeyService } from '../key-service.js';
import type { ProviderPool } from '../provider-pool.js';
import type { PriceFn, Router } from '../router/types.js';
import type { ConversationStore } from '../store/conversations/conversation-store.js';
import { previewRequest } from '../chat/preview-request.js';
import { EXPECTED_OUTPUT_TOKENS } from '../router/plan.js';
import { costUsd } from '../providers/pricing/pricing.js';

type ProviderHandlers = Pick<Handlers, keyof typeof providerCalls>;

export function providerHandlers(deps: {
  pool: ProviderPool;
  keys: KeyService;
  router: Router;
  health: () => ProviderHealth[];
  price: PriceFn;
  /** For a preview of a message in an open conversation, which routes with its history. */
  conversations?: Pick<ConversationStore, 'summary' | 'turns'>;
}): ProviderHandlers {
  return {
    'providers.list': async () => deps.pool.views(),
    'providers.test': async ({ provider }) => deps.pool.test(provider),
    'providers.models': async ({ provider }) => deps.pool.models(provider),
    'health.get': async () => deps.health(),
    'keys.set': async ({ provider, key }) => deps.keys.set(provider, key),
    'keys.delete': async ({ provider }) => deps.keys.delete(provider),
    'routing.preview': async ({ text, taskType, conversationId, settings }) => {
      const preview = deps.router.preview({ ...previewRequest(deps.conversations, conversationId, text), taskChoice: taskType }, settings);
      const health = new Map(deps.health().map((h) => [h.provider, h]));
      const chain = preview.chain.map((t) => {
        const h = health.get(t.provider);
        const price = deps.price(t.provider, t.model);
        return {
          ...t,
          ...(h ? { breaker: h.breaker, state: h.state } : {}),
          ...(price ? { estimatedUsd: costUsd(price, { inputTokens: preview.promptTokens, outputTokens: EXPECTED_OUTPUT_TOKENS }) } : {}),
        };
      });
      return { ...preview, answerTokens: EXPECTED_OUTPUT_TOKENS, chain };
    },
  };
}
