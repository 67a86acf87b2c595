/** The `open` event every adapter yields once the response headers are in. */
import { readRateLimit } from '../errors/rate-limit-headers.js';
import type { StreamEvent } from '../types.js';

export type OpenEvent = Extract<StreamEvent, { type: 'open' }>;

export function openEvent(requestId: string | null | undefined, headers: Headers | undefined, now: number): OpenEvent {
  return { type: 'open', requestId: requestId ?? undefined, rateLimit: readRateLimit(headers, now) };
}
