/**
 * Bad WebSocket frames and a client that stops reading, against the headless
 * host. Each bad frame must close that one connection (with the protocol's close
 * code), never the host; a slow reader must be dropped, not buffered for ever.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventBus } from '../../electron/main/core/events/event-bus.js';
import { MAX_BUFFERED_BYTES, startWebHost, type WebHost } from '../../electron/web/server.js';
import type { Handlers } from '../../shared/contract/index.js';
import { frame, rawWebSocket, serverFrames } from './raw-socket.js';

const BIG_RESULT = 'x'.repeat(1024 * 1024);
// conversations.list answers with a megabyte, so a few unread answers add up fast.
const handlers = new Proxy({} as Handlers, {
  get: (_t, name) => async () => (name === 'conversations.list' ? [BIG_RESULT] : []),
});

const MIB = 1024 * 1024;
const text = (payload: Buffer | string, extra: Partial<Parameters<typeof frame>[0]> = {}) =>
  frame({ opcode: 1, payload: Buffer.isBuffer(payload) ? payload : Buffer.from(payload), ...extra });

/** Writes the frames and resolves with the close code the server sent, if any, once it hung up. */
function sendAndAwaitClose(socket: Socket, frames: Buffer[]): Promise<number | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined);
    const timer = setTimeout(() => socket.destroy(), 10_000);
    socket.on('close', () => {
      clearTimeout(timer);
      const close = serverFrames(Buffer.concat(chunks)).find((f) => f.opcode === 8);
      resolve(close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : undefined);
    });
    for (const f of frames) socket.write(f);
  });
}

describe('the headless host and hostile WebSocket frames', () => {
  let host: WebHost;
  const wsPath = () => `/ws?token=${host.token}`;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-hostile-ws-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    host = await startWebHost({ handlers, events: createEventBus(), rendererDir: dir, port: 0 });
  });
  afterAll(() => host?.close());

  /** A well-behaved client still gets an answer: the host is alive. */
  async function hostAnswers(): Promise<boolean> {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${wsPath()}`);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const reply = new Promise<string>((resolve) => ws.once('message', (d) => resolve(String(d))));
    ws.send(JSON.stringify({ type: 'call', id: 1, name: 'settings.get', input: {} }));
    const answer = JSON.parse(await reply) as { id: number; result: { ok: boolean } };
    ws.close();
    return answer.id === 1 && answer.result.ok;
  }

  const cases: [string, () => Buffer[], number | undefined][] = [
    ['a frame over the 8 MiB limit', () => [text(Buffer.alloc(9 * MIB, 0x61))], 1009],
    ['a fragmented 10 MB message', () => [text(Buffer.alloc(5 * MIB, 0x61), { fin: false }), frame({ opcode: 0, payload: Buffer.alloc(5 * MIB, 0x61) })], 1009],
    ['an unmasked frame', () => [text('{"type":"call"}', { mask: false })], 1002],
    ['a header claiming 2^53 bytes', () => [text(Buffer.from('{}'), { declaredLength: 2n ** 53n })], 1009],
    ['invalid UTF-8 in a text frame', () => [text(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))], 1007],
    ['a reserved opcode', () => [frame({ opcode: 3, payload: Buffer.from('x') })], 1002],
    ['RSV bits with no extension agreed', () => [text('{}', { rsv: 4 })], 1002],
    ['a ping over 125 bytes', () => [frame({ opcode: 9, payload: Buffer.alloc(200) })], 1002],
    ['a continuation with nothing to continue', () => [frame({ opcode: 0, payload: Buffer.from('x') })], 1002],
    ['a close frame with an invalid code', () => [frame({ opcode: 8, payload: Buffer.from([0x03, 0xe7]) })], 1002],
  ];

  it.each(cases)('closes the connection on %s and keeps serving others', async (_name, build, code) => {
    const socket = await rawWebSocket(host.port, wsPath());
    expect(await sendAndAwaitClose(socket, build())).toBe(code);
    expect(await hostAnswers()).toBe(true);
  });

  it('survives JSON that is not a call, and calls of the wrong shape', async () => {
    const socket = await rawWebSocket(host.port, wsPath());
    const bodies = ['not json', '[]', 'null', '{"type":"call"}', '{"type":"call","id":"1","name":"settings.get"}', '{"__proto__":{"type":"call"},"id":1}', `${'['.repeat(100_000)}${']'.repeat(100_000)}`];
    for (const body of bodies) socket.write(text(body));
    socket.end(frame({ opcode: 8, payload: Buffer.from([0x03, 0xe8]) }));
    await sendAndAwaitClose(socket, []);
    expect(await hostAnswers()).toBe(true);
  });

  it('drops a client that stops reading instead of buffering its answers without bound', async () => {
    const socket = await rawWebSocket(host.port, wsPath());
    socket.pause();
    const calls = 100; // 100 MiB of answers if the host kept them all
    for (let id = 1; id <= calls; id++) socket.write(text(JSON.stringify({ type: 'call', id, name: 'conversations.list', input: {} })));
    const before = process.memoryUsage().rss;
    // Give the host time to answer everything it is going to answer.
    await new Promise((r) => setTimeout(r, 1500));
    const grew = process.memoryUsage().rss - before;
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve) => {
      socket.on('data', (c) => chunks.push(c));
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
      setTimeout(() => socket.destroy(), 10_000);
      socket.resume();
    });
    const results = serverFrames(Buffer.concat(chunks)).filter((f) => f.opcode === 1).length;
    expect(results).toBeLessThan(calls);
    // What was held for this reader stayed near the cap, not at 100 MiB.
    expect(grew).toBeLessThan(MAX_BUFFERED_BYTES * 4);
    expect(await hostAnswers()).toBe(true);
  });
});
