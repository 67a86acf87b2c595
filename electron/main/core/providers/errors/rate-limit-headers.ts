/**
 * Turns the rate-limit headers of any response (success or error) into a
 * RateLimitSnapshot, so the router can steer away before a 429 arrives.
 * OpenAI-style hosts send `x-ratelimit-*`; Anthropic sends `anthropic-ratelimit-*`.
 */
import type { RateLimitSnapshot } from '../types.js';
import { parseResetAt, type HeaderSource } from './header-time.js';

function count(headers: HeaderSource, ...names: string[]): number | undefined {
  for (const name of names) {
    const raw = headers.get(name);
    if (raw === null || raw.trim() === '') continue;
    const value = Number(raw);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}

function resetAt(headers: HeaderSource, now: number, ...names: string[]): number | undefined {
  for (const name of names) {
    const at = parseResetAt(headers.get(name), now);
    if (at !== undefined) return at;
  }
  return undefined;
}

/** Undefined when the response carried no rate-limit header at all. */
export function readRateLimit(headers: HeaderSource | undefined, now: number): RateLimitSnapshot | undefined {
  if (!headers) return undefined;
  const a = 'anthropic-ratelimit-';
  const snapshot: RateLimitSnapshot = {
    remainingRequests: count(headers, 'x-ratelimit-remaining-requests', `${a}requests-remaining`),
    remainingTokens: count(headers, 'x-ratelimit-remaining-tokens', `${a}tokens-remaining`, `${a}input-tokens-remaining`),
    limitRequests: count(headers, 'x-ratelimit-limit-requests', `${a}requests-limit`),
    limitTokens: count(headers, 'x-ratelimit-limit-tokens', `${a}tokens-limit`, `${a}input-tokens-limit`),
    resetRequestsAt: resetAt(headers, now, 'x-ratelimit-reset-requests', `${a}requests-reset`),
    resetTokensAt: resetAt(headers, now, 'x-ratelimit-reset-tokens', `${a}tokens-reset`, `${a}input-tokens-reset`),
  };
  const present = Object.entries(snapshot).filter(([, v]) => v !== undefined);
  return present.length === 0 ? undefined : (Object.fromEntries(present) as RateLimitSnapshot);
}
