/**
 * What crosses a transport. The Electron preload exposes exactly `Bridge` on
 * `window.switchboard`; the WebSocket transport speaks `WsClientMessage` /
 * `WsServerMessage`. Both carry results as WireResult, so errors arrive as words
 * rather than Electron's "Error invoking remote method" wrapping.
 */
import type { CallArgs, CallName, CallResult, EventName, WireResult } from './index.js';

export interface Bridge {
  call: { [N in CallName]: (input: CallArgs<N>) => Promise<WireResult<CallResult<N>>> };
  /** Every contract event, through one listener; returns the unsubscribe. */
  onEvent(listener: (event: EventName, payload: unknown) => void): () => void;
}

export type WsClientMessage = { type: 'call'; id: number; name: string; input: unknown };
export type WsServerMessage =
  | { type: 'result'; id: number; result: WireResult<unknown> }
  | { type: 'event'; name: EventName; payload: unknown };
