/**
 * The one typed client the renderer uses. Every call name, input and result type
 * comes from the shared contract; the transport underneath is interchangeable.
 */
import type { CallArgs, CallName, CallResult, EventName, EventPayload } from '../../../shared/contract/index.js';
import type { Transport } from './transport.js';

/** A call that failed, with a message meant for the user. */
export class CallError extends Error {
  override readonly name = 'CallError';
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface Client {
  call<N extends CallName>(name: N, input: CallArgs<N>): Promise<CallResult<N>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onStatus(listener: (status: 'connected' | 'reconnecting') => void): () => void;
}

export function createClient(transport: Transport): Client {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  transport.subscribe((name, payload) => {
    for (const listener of listeners.get(name) ?? []) listener(payload);
  });
  return {
    async call(name, input) {
      const result = await transport.invoke(name, input);
      if (!result.ok) throw new CallError(result.error.message, result.error.code);
      return result.value as CallResult<typeof name>;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    onStatus(listener) {
      return transport.onStatus?.(listener) ?? (() => {});
    },
  };
}
