/**
 * A fetch wrapper made per call. It sends the request with the call's signal as
 * well as the SDK's (so a timeout or the user's Stop closes the socket at once,
 * whatever the SDK does),
 * and keeps the response status, headers and error body, which some SDKs drop
 * (OpenAI's client loses bodies without an `error` key; ollama-js never exposes
 * headers).
 */
import { strictNdjsonBody } from './ndjson-check.js';

export interface TappedResponse {
  status: number;
  headers: Headers;
  /** Raw body of a non-2xx response. */
  errorBody?: string;
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
  let last: TappedResponse | undefined;
  const wrapped = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    signal.throwIfAborted();
    // The SDK aborts its own signal when its timer runs out or it stops reading a stream.
    const response = await inner(input, { ...init, signal: init?.signal ? AbortSignal.any([signal, init.signal]) : signal });
    const captured: TappedResponse = { status: response.status, headers: response.headers };
    if (!response.ok) captured.errorBody = await response.clone().text().catch(() => undefined);
    last = captured;
    if (options.strictNdjson && response.ok && response.body && response.headers.get('content-type')?.includes('ndjson')) {
      return new Response(strictNdjsonBody(response.body), { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    return response;
  };
  return {
    fetch: wrapped as typeof fetch,
    get last() {
      return last;
    },
  };
}
