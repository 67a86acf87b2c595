/**
 * Transport over the headless host's WebSocket. Calls made while the socket is
 * down wait for it to come back, so nothing typed is lost on a host restart.
 */
import type { WsClientMessage, WsServerMessage } from '../../../shared/contract/bridge.js';
import type { CallName, EventName, WireResult } from '../../../shared/contract/index.js';
import type { Transport } from './transport.js';

export function createWsTransport(url: string): Transport {
  let socket: WebSocket | undefined;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, (result: WireResult<unknown>) => void>();
  const outbox: WsClientMessage[] = [];
  const eventListeners = new Set<(name: EventName, payload: unknown) => void>();
  const statusListeners = new Set<(status: 'connected' | 'reconnecting') => void>();

  const setStatus = (status: 'connected' | 'reconnecting') => statusListeners.forEach((l) => l(status));

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      setStatus('connected');
      while (outbox.length > 0) ws.send(JSON.stringify(outbox.shift()));
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as WsServerMessage;
      if (message.type === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        eventListeners.forEach((l) => l(message.name, message.payload));
      }
    };
    ws.onclose = () => {
      setStatus('reconnecting');
      // Calls in flight when the host went away cannot be answered any more.
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'failed', message: 'Lost the connection to Switchboard. Reconnecting…' } });
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connect();

  return {
    invoke(name: CallName, input: unknown) {
      const message: WsClientMessage = { type: 'call', id: nextId++, name, input };
      return new Promise((resolve) => {
        pending.set(message.id, resolve);
        if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
        else outbox.push(message);
      });
    },
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}
