/**
 * The router's price and context-window lookup over the settings in force. The
 * router asks several times per message (detection, each skip check, the bill),
 * and each answer walks the catalog; answers are kept per settings object, so a
 * settings change (a new object) starts afresh and nothing goes stale.
 */
import type { Settings } from '../../../shared/settings.js';
import { presetOf } from './provider-preset.js';
import { contextWindowFor, priceFor } from './providers/pricing/pricing.js';
import type { PriceFn, PriceInfo } from './router/types.js';

export function targetPrices(settings: () => Settings): PriceFn {
  const cache = new WeakMap<Settings, Map<string, PriceInfo | null>>();
  return (providerId, model) => {
    const current = settings();
    let known = cache.get(current);
    if (!known) cache.set(current, (known = new Map()));
    const key = `${providerId}\u0000${model}`;
    const hit = known.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const info = lookup(current, providerId, model);
    known.set(key, info ?? null);
    return info;
  };
}

function lookup(settings: Settings, providerId: string, model: string): PriceInfo | undefined {
  const p = settings.providers.find((x) => x.id === providerId);
  const preset = p ? presetOf(p) : undefined;
  const price = priceFor(preset, model);
  if (!price) return undefined;
  const contextWindow = contextWindowFor(preset, model);
  return { ...price, ...(contextWindow ? { contextWindow } : {}) };
}
