/** The `open` event every adapter yields once the response headers are in. */
import { readRateLimit } from '../errors/rate-limit-headers.js';
import type { StreamEvent } from '../types.js';
import type { ResponseTap } from './response-tap.js';

export type OpenEvent = Extract<StreamEvent, { type: 'open' }>;

/**
 * The open event from the response headers the tap kept. Asking the SDK for
 * withResponse() instead would put another round of promises between the
 * headers and the first token.
 */
export function openFromTap(tap: ResponseTap, requestIdHeader: string, now: number): OpenEvent {
  const headers = tap.last?.headers;
  return { type: 'open', requestId: headers?.get(requestIdHeader) ?? undefined, rateLimit: readRateLimit(headers, now) };
}
