/**
 * Why a target cannot be used right now, in the words the trace shows. A plan
 * checks every target, and a route checks each again when it reaches it (an
 * earlier attempt may have cooled its provider down).
 */
import type { ProviderConfig, Settings } from '../../../../shared/settings.js';
import type { ProviderAdapter } from '../providers/types.js';
import { breakerView } from './breaker.js';
import { budgetStop, quotaBlock, rateLimitBlock } from './quotas.js';
import type { RouterSnapshot } from './state.js';
import { clockTime, kTokens } from './time-and-words.js';
import type { PriceFn, PriceInfo } from './types.js';

export interface CheckContext {
  settings: Settings;
  snapshot: Readonly<RouterSnapshot>;
  now: number;
  online: boolean;
  adapter: (providerId: string) => ProviderAdapter | { unavailable: string };
  price?: PriceFn;
  promptTokens: number;
  /** Raised after a context_length error: only larger windows are worth a try. */
  minContext?: number;
  /** Set when the request carries tools: whether a target can call them. */
  toolSupport?: (provider: string, model: string) => boolean;
}

export interface Target {
  provider: string;
  model: string;
}

export function providerConfig(settings: Settings, id: string): ProviderConfig | undefined {
  return settings.providers.find((p) => p.id === id);
}

/** Local targets cost nothing and need no network: no quota, budget or offline rule applies. */
export function isLocal(settings: Settings, provider: string): boolean {
  const kind = providerConfig(settings, provider)?.kind;
  return settings.localFallback?.provider === provider || kind === 'ollama' || kind === 'engine';
}

/** A target that costs nothing, so budgets do not stop it. */
function freeAt(local: boolean, price: PriceInfo | undefined): boolean {
  if (local) return !price || (price.inputUsdPerMTok === 0 && price.outputUsdPerMTok === 0);
  return price !== undefined && price.inputUsdPerMTok === 0 && price.outputUsdPerMTok === 0;
}

export function contextWindow(ctx: Pick<CheckContext, 'price'>, t: Target): number | undefined {
  return ctx.price?.(t.provider, t.model)?.contextWindow;
}

/**
 * `lastResort` marks the local fallback at the end of the chain: a breaker does
 * not stop it, since after it there is nothing left to try.
 */
export function skipReason(ctx: CheckContext, t: Target, lastResort = false): string | undefined {
  const config = providerConfig(ctx.settings, t.provider);
  if (!config) return 'unknown provider';
  if (!config.enabled) return 'disabled';
  const adapter = ctx.adapter(t.provider);
  if ('unavailable' in adapter) return adapter.unavailable;
  const ps = ctx.snapshot.providers[t.provider];
  if (ps?.keyRejected) return 'key rejected: update it in Settings';
  const flagged = ctx.snapshot.flagged.find((f) => f.provider === t.provider && f.model === t.model);
  if (flagged) return `model not found on ${t.provider} (flagged)`;
  if (ctx.toolSupport && !ctx.toolSupport(t.provider, t.model)) return 'cannot call tools (catalog)';
  const local = ctx.settings.localFallback?.provider === t.provider || config.kind === 'ollama' || config.kind === 'engine';
  if (!local && !ctx.online) return 'offline';
  const price = ctx.price?.(t.provider, t.model);
  const window = price?.contextWindow;
  const needed = Math.max(ctx.promptTokens, ctx.minContext ?? 0);
  if (window !== undefined && window < needed) {
    return `context too small (~${kTokens(needed)} tokens > ${kTokens(window)} window)`;
  }
  if (!freeAt(local, price)) {
    const stop = budgetStop(ctx.settings, ctx.snapshot.usage);
    if (stop) return stop;
  }
  if (!local) {
    if (ps?.exhaustedUntil !== undefined && ctx.now < ps.exhaustedUntil) {
      return `quota used up until ${clockTime(ps.exhaustedUntil)}`;
    }
    const quota = quotaBlock(ctx.settings, ctx.snapshot.usage, t.provider, ctx.promptTokens);
    if (quota) return quota;
    const rl = rateLimitBlock(ps?.rateLimit, ps?.rateLimitAt, ctx.promptTokens, ctx.now);
    if (rl) return rl;
  }
  if (!lastResort) {
    const breaker = breakerView(ps, ctx.now);
    if (breaker.state === 'open') {
      return `breaker open until ${clockTime(breaker.until)}${breaker.reason ? ` (${breaker.reason})` : ''}`;
    }
  }
  return undefined;
}
