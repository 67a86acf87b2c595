/** Transport over the Electron preload bridge (`window.switchboard`). */
import type { Bridge } from '../../../shared/contract/bridge.js';
import type { CallName, EventName, WireResult } from '../../../shared/contract/index.js';
import type { Transport } from './transport.js';

export function createIpcTransport(bridge: Bridge): Transport {
  return {
    invoke(name: CallName, input: unknown): Promise<WireResult<unknown>> {
      const fn = bridge.call[name] as (input: unknown) => Promise<WireResult<unknown>>;
      return fn(input);
    },
    subscribe(listener: (name: EventName, payload: unknown) => void) {
      return bridge.onEvent(listener);
    },
  };
}
