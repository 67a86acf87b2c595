/**
 * Lets one long-lived SDK client serve every call while each request still goes
 * through its own fetch tap. Building a client per call only to bind a per-call
 * fetch cost about 0.1 ms of CPU per request (the OpenAI client sets up dozens of
 * resource objects). The SDKs do not hand our AbortSignal to fetch unchanged (they
 * compose their own), so the tap travels as a request header that the shared
 * fetch reads and strips before anything is sent.
 */
import type { ResponseTap } from './response-tap.js';

const TAP_HEADER = 'x-switchboard-tap';

export interface TapRouting {
  /** The fetch to build the shared SDK client with. */
  readonly fetch: typeof fetch;
  /** Headers that send one SDK call through `tap`; call `release` once the call is over. */
  route(tap: ResponseTap): { headers: Record<string, string>; release(): void };
}

export function tapRouting(): TapRouting {
  const taps = new Map<string, ResponseTap>();
  let counter = 0;

  const shared = (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const headers = init?.headers instanceof Headers ? init.headers : new Headers(init?.headers);
    const id = headers.get(TAP_HEADER);
    const tap = id === null ? undefined : taps.get(id);
    // Every call on a shared client is routed; a request without a tap would
    // escape our signal and error capture, so it must not be sent at all.
    if (!tap) return Promise.reject(new Error('internal: an SDK request was sent without its fetch tap'));
    headers.delete(TAP_HEADER);
    return tap.fetch(input, { ...init, headers });
  };

  return {
    fetch: shared as typeof fetch,
    route(tap) {
      const id = String(++counter);
      taps.set(id, tap);
      return { headers: { [TAP_HEADER]: id }, release: () => taps.delete(id) };
    },
  };
}
