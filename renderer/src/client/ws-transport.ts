/**
 * Transport over the headless host's WebSocket. A call is in exactly one of two
 * places: queued (the socket is down; it waits for the socket to come back and
 * is never failed by a close) or sent (it is failed if the socket closes before
 * its result, since the host may or may not have acted on it).
 *
 * `chat.send` carries an idempotency key the host de-duplicates. A send whose
 * fate is unknown (its socket closed first) lends its key to an identical
 * retry, so retrying after "Lost the connection" can never post a message twice.
 */
import type { WsClientMessage, WsServerMessage } from '../../../shared/contract/bridge.js';
import type { CallName, EventName, WireResult } from '../../../shared/contract/index.js';
import type { Transport } from './transport.js';

type Resolve = (result: WireResult<unknown>) => void;

const LOST: WireResult<unknown> = { ok: false, error: { code: 'failed', message: 'Lost the connection to Switchboard. Reconnecting…' } };

export function createWsTransport(url: string): Transport {
  let socket: WebSocket | undefined;
  let nextId = 1;
  let retryMs = 250;
  const queued: { message: WsClientMessage; resolve: Resolve }[] = [];
  const sent = new Map<number, { message: WsClientMessage; resolve: Resolve }>();
  /** Keys of chat sends that were on the wire when a socket closed, by their input without the key. */
  const unsureSends = new Map<string, string>();
  const eventListeners = new Set<(name: EventName, payload: unknown) => void>();
  const statusListeners = new Set<(status: 'connected' | 'reconnecting') => void>();

  const setStatus = (status: 'connected' | 'reconnecting') => statusListeners.forEach((l) => l(status));

  const send = (ws: WebSocket, call: { message: WsClientMessage; resolve: Resolve }): void => {
    sent.set(call.message.id, call);
    ws.send(JSON.stringify(call.message));
  };

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      setStatus('connected');
      for (const call of queued.splice(0)) send(ws, call);
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as WsServerMessage;
      if (message.type === 'result') {
        const call = sent.get(message.id);
        sent.delete(message.id);
        if (call?.message.name === 'chat.send') unsureSends.delete(sendShape(call.message.input));
        call?.resolve(message.result);
      } else {
        eventListeners.forEach((l) => l(message.name, message.payload));
      }
    };
    ws.onclose = () => {
      setStatus('reconnecting');
      // Only calls on the wire can be lost with it; queued ones wait for the next socket.
      for (const call of sent.values()) {
        const key = keyOf(call.message.input);
        if (call.message.name === 'chat.send' && key) unsureSends.set(sendShape(call.message.input), key);
        call.resolve(LOST);
      }
      sent.clear();
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connect();

  const withKey = (name: CallName, input: unknown): unknown => {
    if (name !== 'chat.send' || !isRecord(input) || typeof input.idempotencyKey === 'string') return input;
    return { ...input, idempotencyKey: unsureSends.get(sendShape(input)) ?? crypto.randomUUID() };
  };

  return {
    invoke(name: CallName, input: unknown) {
      const message: WsClientMessage = { type: 'call', id: nextId++, name, input: withKey(name, input) };
      return new Promise((resolve) => {
        const call = { message, resolve };
        if (socket?.readyState === WebSocket.OPEN) send(socket, call);
        else queued.push(call);
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function keyOf(input: unknown): string | undefined {
  return isRecord(input) && typeof input.idempotencyKey === 'string' ? input.idempotencyKey : undefined;
}

/** What makes two sends the same message, whatever key they carry. */
function sendShape(input: unknown): string {
  if (!isRecord(input)) return JSON.stringify(input);
  const { idempotencyKey: _key, ...rest } = input;
  return JSON.stringify(Object.keys(rest).sort().map((k) => [k, rest[k]]));
}
