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

export type OpenEvent = Extract<StreamEvent, { type: 'open' }>;

export function openEvent(requestId: string | undefined, headers: HeaderSource | undefined, now: number): OpenEvent {
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
