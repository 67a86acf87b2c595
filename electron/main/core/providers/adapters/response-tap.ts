/**
 * A fetch wrapper made per call. It ties the request to our own AbortSignal (so a
 * timeout or the user's Stop closes the socket at once, whatever the SDK does),
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

export function tapFetch(base: typeof fetch | undefined, signal: AbortSignal, options: TapOptions = {}): ResponseTap {
  const inner = base ?? globalThis.fetch;
  let last: TappedResponse | undefined;
  const wrapped = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    signal.throwIfAborted();
    const merged = init?.signal ? eitherSignal(init.signal, signal) : signal;
    const response = await inner(input, { ...init, signal: merged });
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
 * Aborts when either signal does, with that signal's reason. AbortSignal.any
 * does the same but costs ~6 µs per call (it tracks its sources through weak
 * references), on every request before it goes out; both signals here live no
 * longer than the request, so two plain listeners are enough.
 */
export function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const controller = new AbortController();
  if (a.aborted || b.aborted) {
    controller.abort(a.aborted ? a.reason : b.reason);
    return controller.signal;
  }
  const onA = (): void => controller.abort(a.reason);
  const onB = (): void => controller.abort(b.reason);
  a.addEventListener('abort', onA, { once: true });
  b.addEventListener('abort', onB, { once: true });
  return controller.signal;
}
