/**
 * The router's price and context-window lookup over the settings in force. The
 * router asks several times per message (detection, each skip check, the bill),
 * and each answer walks the catalog; answers are kept per settings object, so a
 * settings change (a new object) starts afresh and nothing goes stale.
 */
import type { Settings } from '../../../shared/settings.js';
import { presetOf } from './provider-preset.js';
import { contextWindowFor, maxOutputTokensFor, sourcedPriceFor } from './providers/pricing/pricing.js';
import type { PriceFn, PriceInfo } from './router/types.js';

export function targetPrices(settings: () => Settings): PriceFn {
  // settings -> provider -> model -> answer (null: no price known).
  const cache = new WeakMap<Settings, Map<string, Map<string, PriceInfo | null>>>();
  return (providerId, model) => {
    const current = settings();
    let providers = cache.get(current);
    if (!providers) cache.set(current, (providers = new Map()));
    let models = providers.get(providerId);
    if (!models) providers.set(providerId, (models = new Map()));
    const hit = models.get(model);
    if (hit !== undefined) return hit ?? undefined;
    const info = lookup(current, providerId, model);
    models.set(model, info ?? null);
    return info;
  };
}

function lookup(settings: Settings, providerId: string, model: string): PriceInfo | undefined {
  const p = settings.providers.find((x) => x.id === providerId);
  const preset = p ? presetOf(p) : undefined;
  const overrides = settings.modelOverrides;
  const price = sourcedPriceFor(preset, model, overrides, providerId);
  if (!price) return undefined;
  const contextWindow = contextWindowFor(preset, model, overrides, providerId);
  const maxOutputTokens = maxOutputTokensFor(preset, model);
  return { ...price, ...(contextWindow ? { contextWindow } : {}), ...(maxOutputTokens ? { maxOutputTokens } : {}) };
}
