/**
 * A fetch wrapper made per call, for ollama-js: its client takes no signal per
 * request and never shows a response's status or headers. The wrapper sends
 * the request with the call's signal as well as the client's own (so a timeout
 * or the user's Stop closes the socket at once), keeps the status and headers,
 * and can check NDJSON bodies line by line.
 */
import { strictNdjsonBody } from './ndjson-check.js';

export interface TappedResponse {
  status: number;
  headers: Headers;
}

export interface ResponseTap {
  readonly fetch: typeof fetch;
  /** The last response whose headers arrived, if any. */
  readonly last: TappedResponse | undefined;
}

export interface TapOptions {
  /** Fail NDJSON bodies at the first line that is not JSON. */
  strictNdjson?: boolean;
}

/** `signal` is the call's own: it goes with the request. */
export function tapFetch(base: typeof fetch | undefined, signal: AbortSignal, options: TapOptions = {}): ResponseTap {
  const inner = base ?? globalThis.fetch;
  const tap: { fetch: typeof fetch; last: TappedResponse | undefined } = { fetch: inner, last: undefined };
  tap.fetch = async (input, init) => {
    signal.throwIfAborted();
    const response = await inner(input, { ...init, signal: init?.signal ? AbortSignal.any([signal, init.signal]) : signal });
    tap.last = { status: response.status, headers: response.headers };
    if (options.strictNdjson && response.ok && response.body && response.headers.get('content-type')?.includes('ndjson')) {
      return new Response(strictNdjsonBody(response.body), { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    return response;
  };
  return tap;
}

/** A 2xx answer's headers arrived: a failure from here on broke its body. */
export function reachedBody(tap: ResponseTap): boolean {
  return tap.last !== undefined && tap.last.status < 400;
}
