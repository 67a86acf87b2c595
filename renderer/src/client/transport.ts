/** The seam between the renderer and a host: Electron IPC or a WebSocket. */
import type { CallName, EventName, WireResult } from '../../../shared/contract/index.js';

export interface Transport {
  invoke(name: CallName, input: unknown): Promise<WireResult<unknown>>;
  /** Receives every event; returns an unsubscribe function. */
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
  /**
   * 'connected' | 'reconnecting' for the WebSocket. The IPC transport reports no
   * status at all; the notices store starts at 'connected'.
   */
  onStatus?(listener: (status: 'connected' | 'reconnecting') => void): () => void;
}
