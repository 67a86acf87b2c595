import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as WsClient, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { WsClientMessage } from '../../../shared/contract/bridge.js';
import { createWsTransport } from '../../../renderer/src/client/ws-transport.js';
import type { Transport } from '../../../renderer/src/client/transport.js';

/** A host on a fixed port that can go away and come back, recording the calls it got. */
class Host {
  server: WebSocketServer | undefined;
  readonly calls: WsClientMessage[] = [];
  readonly sockets = new Set<ServerSocket>();
  /** Answer calls at once (true) or hold them (false). */
  answer = true;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const server = new WebSocketServer({ port: this.port, host: '127.0.0.1' });
    this.server = server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    server.on('connection', (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('message', (data) => {
        const call = JSON.parse(String(data)) as WsClientMessage;
        this.calls.push(call);
        if (this.answer) ws.send(JSON.stringify({ type: 'result', id: call.id, result: { ok: true, value: { echoed: call.name } } }));
      });
    });
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

async function freePort(): Promise<number> {
  const probe = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => probe.once('listening', () => resolve()));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (condition()) resolve();
      else if (Date.now() > deadline) reject(new Error('condition not met in time'));
      else setTimeout(check, 10);
    };
    check();
  });
}

const statusOf = (transport: Transport) => {
  const seen: string[] = [];
  transport.onStatus?.((s) => seen.push(s));
  return seen;
};

/** As a browser's: a failed connection is an `error` event nobody must handle, then `close`. */
class BrowserLikeWebSocket extends WsClient {
  constructor(url: string) {
    super(url);
    this.on('error', () => undefined);
  }
}

describe('WebSocket transport', () => {
  let host: Host | undefined;
  // Node's own WebSocket stays CONNECTING after a refused connection and never fires
  // `close`; browsers (and `ws`) fire `error` then `close`, as the spec says.
  beforeEach(() => {
    vi.stubGlobal('WebSocket', BrowserLikeWebSocket);
  });
  afterEach(async () => {
    await host?.stop();
    vi.unstubAllGlobals();
  });

  it('a call made while the host is down waits, survives failed reconnects, and is sent once when it is back', async () => {
    host = new Host(await freePort());
    const transport = createWsTransport(`ws://127.0.0.1:${host.port}/ws`);
    const status = statusOf(transport);
    let settled: unknown;
    const call = transport.invoke('conversations.list', {}).then((r) => (settled = r));
    // At least two connection attempts fail while the call is queued.
    await until(() => status.filter((s) => s === 'reconnecting').length >= 2);
    expect(settled).toBeUndefined();
    await host.start();
    await call;
    expect(settled).toEqual({ ok: true, value: { echoed: 'conversations.list' } });
    expect(host.calls.map((c) => c.name)).toEqual(['conversations.list']);
  });

  it('a call on the wire when the socket closes fails with words; its identical retry reuses its idempotency key', async () => {
    host = new Host(await freePort());
    await host.start();
    host.answer = false;
    const transport = createWsTransport(`ws://127.0.0.1:${host.port}/ws`);
    const input = { text: 'hello', taskType: 'auto' };
    const lost = transport.invoke('chat.send', input);
    await until(() => host?.calls.length === 1);
    for (const ws of host.sockets) ws.terminate();
    expect(await lost).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Lost the connection/) } });
    host.answer = true;
    expect(await transport.invoke('chat.send', input)).toMatchObject({ ok: true });
    expect(await transport.invoke('chat.send', input)).toMatchObject({ ok: true });
    const keys = host.calls.map((c) => (c.input as { idempotencyKey?: string }).idempotencyKey);
    expect(keys[0]).toMatch(/\S/);
    // The retry is the same message; the one after an answered send is a new one.
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });
});
