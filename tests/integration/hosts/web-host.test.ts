import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerMessage } from '../../../shared/contract/bridge.js';
import { createEventBus } from '../../../electron/main/core/events/event-bus.js';
import { startWebHost, type WebHost } from '../../../electron/web/server.js';
import type { Handlers } from '../../../shared/contract/index.js';

// A handler map where only the calls used here do anything; the host itself is under test.
const handlers = new Proxy({} as Handlers, {
  get: (_t, name) => async () => (name === 'conversations.list' ? [] : { cancelled: true }),
});

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
  });
}

function nextMessage(ws: WebSocket): Promise<WsServerMessage> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as WsServerMessage)));
}

describe('headless host', () => {
  let host: WebHost;
  const events = createEventBus();

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'sb-secret.txt'), 'secret');
    host = await startWebHost({ handlers, events, rendererDir: dir, port: 0 });
  });
  afterAll(() => host.close());

  it('prints a loopback URL carrying a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('serves the page only with the token, and assets without it', async () => {
    const base = `http://127.0.0.1:${host.port}`;
    expect((await fetch(host.url)).status).toBe(200);
    const refused = await fetch(`${base}/?token=wrong`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/npm run web/);
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
  });

  it('never serves a file outside the renderer folder', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/..%2fsb-secret.txt`);
    expect(res.status).toBe(404);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    // fetch cannot set Host, so ask with node:http as a rebinding page's browser would.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: `/?token=${host.token}`, headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('refuses WebSockets without the token or from another origin', async () => {
    const ws = `ws://127.0.0.1:${host.port}/ws`;
    await expect(connect(`${ws}?token=nope`)).rejects.toThrow(/403/);
    await expect(connect(`${ws}?token=${host.token}`, { origin: 'https://evil.example' })).rejects.toThrow(/403/);
  });

  it('answers calls, validates input, and forwards events', async () => {
    const ws = await connect(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    ws.send(JSON.stringify({ type: 'call', id: 1, name: 'conversations.list', input: {} }));
    expect(await nextMessage(ws)).toEqual({ type: 'result', id: 1, result: { ok: true, value: [] } });
    ws.send(JSON.stringify({ type: 'call', id: 2, name: 'chat.cancel', input: { messageId: 42 } }));
    const invalid = await nextMessage(ws);
    expect(invalid).toMatchObject({ type: 'result', id: 2, result: { ok: false, error: { code: 'invalid_input' } } });
    ws.send(JSON.stringify({ type: 'call', id: 3, name: 'no.such.call', input: {} }));
    expect(await nextMessage(ws)).toMatchObject({ id: 3, result: { ok: false, error: { code: 'unknown_call' } } });
    const received = nextMessage(ws);
    events.emit('notice', { id: 'n', level: 'info', text: 'hello' });
    expect(await received).toEqual({ type: 'event', name: 'notice', payload: { id: 'n', level: 'info', text: 'hello' } });
    ws.close();
  });

  it('coalesces a burst of streamed text into few messages, in order', async () => {
    const ws = await connect(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    const got: WsServerMessage[] = [];
    // Wait for the condition, not a fixed sleep: chat.done is the last thing sent.
    const doneArrived = new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('chat.done did not arrive within 5 s')), 5000);
      ws.on('message', (d) => {
        const message = JSON.parse(String(d)) as WsServerMessage;
        got.push(message);
        if (message.type === 'event' && message.name === 'chat.done') {
          clearTimeout(deadline);
          resolve();
        }
      });
    });
    const ref = { conversationId: 'c', messageId: 'm' };
    for (let i = 0; i < 2000; i++) events.emit('chat.delta', { ...ref, text: `${i},` });
    events.emit('chat.done', { message: { id: 'm' } as never });
    await doneArrived;
    const deltas = got.filter((m) => m.type === 'event' && m.name === 'chat.delta');
    expect(deltas.length).toBeLessThanOrEqual(3);
    const text = deltas.map((m) => (m.type === 'event' ? (m.payload as { text: string }).text : '')).join('');
    expect(text).toBe(Array.from({ length: 2000 }, (_, i) => `${i},`).join(''));
    expect(got.at(-1)).toMatchObject({ type: 'event', name: 'chat.done' });
    ws.close();
  });
});
