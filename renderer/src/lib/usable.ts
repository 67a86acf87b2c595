/**
 * Whether any provider can answer right now: a cloud provider that is enabled,
 * has a key and is not known to be down, the built-in engine with a model, or a
 * reachable Ollama. Drives the empty state and the first-run setup card.
 */
import type { ProviderHealth, ProviderView } from '../../../shared/providers.js';

const UNUSABLE: ReadonlyArray<ProviderHealth['state']> = ['down', 'no_key', 'disabled', 'key_rejected', 'quota_exhausted', 'circuit_open', 'rate_limited'];

export function hasUsableProvider(providers: ProviderView[], health: ProviderHealth[], ollamaReachable: boolean): boolean {
  if (ollamaReachable) return true;
  return providers.some((p) => {
    if (p.kind === 'ollama' || !p.enabled || p.key.source === 'none') return false;
    const state = health.find((h) => h.provider === p.id)?.state;
    return !state || !UNUSABLE.includes(state);
  });
}
