/**
 * Turns the rate-limit headers of any response (success or error) into a
 * RateLimitSnapshot, so the router can steer away before a 429 arrives.
 * OpenAI-style hosts send `x-ratelimit-*`; Anthropic sends `anthropic-ratelimit-*`.
 */
import type { RateLimitSnapshot } from '../types.js';
import { parseResetAt, type HeaderSource } from './header-time.js';

function count(headers: HeaderSource, names: readonly string[]): number | undefined {
  for (const name of names) {
    const raw = headers.get(name);
    if (raw === null || raw.trim() === '') continue;
    const value = Number(raw);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}

function resetAt(headers: HeaderSource, now: number, names: readonly string[]): number | undefined {
  for (const name of names) {
    const at = parseResetAt(headers.get(name), now);
    if (at !== undefined) return at;
  }
  return undefined;
}

// Read after every response, so the names are built once.
const A = 'anthropic-ratelimit-';
const REMAINING_REQUESTS = ['x-ratelimit-remaining-requests', `${A}requests-remaining`];
const REMAINING_TOKENS = ['x-ratelimit-remaining-tokens', `${A}tokens-remaining`, `${A}input-tokens-remaining`];
const LIMIT_REQUESTS = ['x-ratelimit-limit-requests', `${A}requests-limit`];
const LIMIT_TOKENS = ['x-ratelimit-limit-tokens', `${A}tokens-limit`, `${A}input-tokens-limit`];
const RESET_REQUESTS = ['x-ratelimit-reset-requests', `${A}requests-reset`];
const RESET_TOKENS = ['x-ratelimit-reset-tokens', `${A}tokens-reset`, `${A}input-tokens-reset`];

/** Undefined when the response carried no rate-limit header at all. */
export function readRateLimit(headers: HeaderSource | undefined, now: number): RateLimitSnapshot | undefined {
  if (!headers) return undefined;
  const snapshot: RateLimitSnapshot = {};
  let any = false;
  const put = <K extends keyof RateLimitSnapshot>(key: K, value: RateLimitSnapshot[K]): void => {
    if (value === undefined) return;
    snapshot[key] = value;
    any = true;
  };
  put('remainingRequests', count(headers, REMAINING_REQUESTS));
  put('remainingTokens', count(headers, REMAINING_TOKENS));
  put('limitRequests', count(headers, LIMIT_REQUESTS));
  put('limitTokens', count(headers, LIMIT_TOKENS));
  put('resetRequestsAt', resetAt(headers, now, RESET_REQUESTS));
  put('resetTokensAt', resetAt(headers, now, RESET_TOKENS));
  return any ? snapshot : undefined;
}
