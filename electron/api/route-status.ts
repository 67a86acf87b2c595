/**
 * The HTTP status for a route that found no answer: 429 when every target that
 * was tried (or passed over) was out of requests or quota, 400 when every
 * provider rejected the request itself, 503 when nothing could be tried or all
 * were overloaded, and 502 when providers were tried and failed.
 */
import type { RouteFailure } from '../main/core/router/index.js';

const LIMITED = new Set(['rate_limited', 'quota_exhausted']);
const REJECTED = new Set(['bad_request', 'context_length', 'content_filter']);
const LIMIT_WORDS = /quota|rate limit|requests left|tokens left|budget/i;

export function failureStatus(failure: RouteFailure): number {
  const failed = failure.attempts.filter((a) => a.outcome === 'error');
  if (failed.length === 0) {
    const skipped = failure.trace.skipped;
    return skipped.length > 0 && skipped.every((s) => LIMIT_WORDS.test(s.reason)) ? 429 : 503;
  }
  const kinds = failed.map((a) => a.errorKind ?? 'server');
  if (kinds.every((k) => LIMITED.has(k))) return 429;
  if (kinds.every((k) => REJECTED.has(k))) return 400;
  if (kinds.every((k) => k === 'overloaded')) return 503;
  return 502;
}
