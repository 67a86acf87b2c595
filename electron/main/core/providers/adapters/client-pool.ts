/**
 * Long-lived SDK clients, each lent to one call at a time, so every request
 * still goes through that call's own fetch tap. Building a client per call only
 * to bind a per-call fetch cost ~0.1 ms of CPU (the OpenAI client sets up dozens
 * of resource objects); routing one shared client by a marker header cost a
 * header merge and a Headers copy per request. A pool grows only to the number
 * of calls in flight at once: one, or two while a hedge races.
 */
import type { ResponseTap } from './response-tap.js';

export interface ClientLease<C> {
  readonly client: C;
  /** Call once the SDK has made its last fetch for this call (its response settled, or its pages are read). */
  release(): void;
}

export interface ClientPool<C> {
  lease(tap: ResponseTap): ClientLease<C>;
}

interface Slot<C> {
  client: C;
  tap: ResponseTap | undefined;
}

export function clientPool<C>(create: (leasedFetch: typeof globalThis.fetch) => C): ClientPool<C> {
  const idle: Slot<C>[] = [];

  const newSlot = (): Slot<C> => {
    const slot = { tap: undefined } as Slot<C>;
    slot.client = create(((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
      // A request outside a lease would escape our signal and error capture, so it is never sent.
      slot.tap ? slot.tap.fetch(input, init) : Promise.reject(new Error('internal: an SDK request was sent outside its lease'))) as typeof fetch);
    return slot;
  };

  return {
    lease(tap) {
      const slot = idle.pop() ?? newSlot();
      slot.tap = tap;
      let released = false;
      return {
        client: slot.client,
        release: () => {
          if (released) return;
          released = true;
          slot.tap = undefined;
          idle.push(slot);
        },
      };
    },
  };
}

/**
 * One SDK call on a lent client. The client goes back as soon as the call's
 * promise settles: by then the SDK has made its only fetch for the call (a
 * streamed body is read later, without fetching again).
 */
export async function onLease<C, T>(pool: ClientPool<C>, tap: ResponseTap, call: (client: C) => PromiseLike<T>): Promise<T> {
  const lease = pool.lease(tap);
  try {
    return await call(lease.client);
  } finally {
    lease.release();
  }
}
