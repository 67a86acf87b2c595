/** The core's outbound events. Hosts subscribe and forward them over their transport. */
import type { EventName, EventPayload } from '../../../../shared/contract/index.js';

export type AnyEventListener = (name: EventName, payload: EventPayload<EventName>) => void;

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: AnyEventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<AnyEventListener>();
  return {
    emit(name, payload) {
      for (const listener of listeners) {
        // One broken subscriber (a closed window) must not stop the others.
        try {
          listener(name, payload);
        } catch {
          /* the host reports its own transport failures */
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
