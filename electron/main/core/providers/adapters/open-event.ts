/**
 * The `open` event every adapter yields once the response headers are in. Its
 * rate-limit snapshot is parsed only when first read: parsing a dozen headers
 * cost ~15 µs right before the first token, and the router records the snapshot
 * only after that token is shown. `now` is taken at open, so reset times come
 * out exactly as if the headers had been read at once.
 */
import { readRateLimit } from '../errors/rate-limit-headers.js';
import type { HeaderSource } from '../errors/header-time.js';
import type { RateLimitSnapshot, StreamEvent } from '../types.js';
import type { ResponseTap } from './response-tap.js';

export type OpenEvent = Extract<StreamEvent, { type: 'open' }>;

function openEvent(requestId: string | undefined, headers: HeaderSource | undefined, now: number): OpenEvent {
  let parsed = false;
  let rateLimit: RateLimitSnapshot | undefined;
  return {
    type: 'open',
    requestId,
    get rateLimit() {
      if (!parsed) {
        parsed = true;
        rateLimit = readRateLimit(headers, now);
      }
      return rateLimit;
    },
  };
}

/**
 * The open event from the response headers the tap kept. Asking the SDK for
 * withResponse() instead would put another round of promises between the
 * headers and the first token.
 */
export function openFromTap(tap: ResponseTap, requestIdHeader: string, now: number): OpenEvent {
  const headers = tap.last?.headers;
  return openEvent(headers?.get(requestIdHeader) ?? undefined, headers, now);
}
