/**
 * A fetch wrapper made per call. It sends the request with our own controller's
 * signal (so a timeout or the user's Stop closes the socket at once, whatever the SDK does),
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

/** `controller` is the call's own: its signal goes with the request. */
export function tapFetch(base: typeof fetch | undefined, controller: AbortController, options: TapOptions = {}): ResponseTap {
  const inner = base ?? globalThis.fetch;
  const { signal } = controller;
  let last: TappedResponse | undefined;
  const wrapped = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    signal.throwIfAborted();
    // The SDK aborts its own signal when its timer runs out or it stops reading a
    // stream; that ends the call as well.
    if (init?.signal) forwardAbort(init.signal, controller);
    const response = await inner(input, { ...init, signal });
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

/**
 * Aborts `to` when `from` aborts, with its reason. Forwarding into the call's own
 * controller takes one listener; a third signal joining both (AbortSignal.any, or
 * a controller listening to each) cost a controller and two listeners more on
 * every request, before it went out. Both live no longer than the call.
 */
export function forwardAbort(from: AbortSignal, to: AbortController): void {
  if (from.aborted) to.abort(from.reason);
  else from.addEventListener('abort', () => to.abort(from.reason), { once: true });
}

/** A controller of a call's own that aborts with `signal`, for callers that only have a signal. */
export function controllerFor(signal: AbortSignal): AbortController {
  const controller = new AbortController();
  forwardAbort(signal, controller);
  return controller;
}
