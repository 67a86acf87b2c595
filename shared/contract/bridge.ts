/**
 * What crosses a transport. The Electron preload exposes exactly `Bridge` on
 * `window.switchboard`; the WebSocket transport speaks `WsClientMessage` /
 * `WsServerMessage`. Both carry results as WireResult, so errors arrive as words
 * rather than Electron's "Error invoking remote method" wrapping.
 */
import type { CallArgs, CallName, CallResult, EventName, EventPayload, WireResult } from './index.js';

export interface Bridge {
  call: { [N in CallName]: (input: CallArgs<N>) => Promise<WireResult<CallResult<N>>> };
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export type WsClientMessage = { type: 'call'; id: number; name: string; input: unknown };
export type WsServerMessage =
  | { type: 'result'; id: number; result: WireResult<unknown> }
  | { type: 'event'; name: EventName; payload: unknown };
