/**
 * Malformed request targets and headers against every HTTP server in the
 * project. Any web page the user visits can send these (an <img> tag is enough),
 * so each must get a 4xx, never take the server down, and never slip past the
 * token gate.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../electron/main/core/events/event-bus.js';
import { startWebHost, type WebHost } from '../../electron/web/server.js';
import { startApiServer, type ApiServer } from '../../electron/api/server.js';
import { SettingsSchema } from '../../shared/settings.js';
import type { Handlers } from '../../shared/contract/index.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { rawExchange, statusOf } from './raw-socket.js';

const handlers = new Proxy({} as Handlers, { get: () => async () => [] });

const API_TOKEN = 'sb-hostile-test-token';
// The API's own checks and parsers are under test here, not routing: every chat fails fast.
const apiCore = {
  router: { route: () => Promise.reject(new Error('no providers in this test')) },
  settings: () => SettingsSchema.parse({}),
  taskTypes: () => ['general'],
  scrub: (text: string) => text,
};

const BAD_TARGETS = ['//[', 'http://[', '//%', '//x:65536', '//a:b@[::1', '//a:b@[::1]:99999', '*', '%', '/%', '/%zz', '/%00', '/a\\..\\b', 'http://127.0.0.1/', `/${'a'.repeat(9000)}`];
const label = (target: string) => (target.length > 40 ? `${target.slice(0, 12)}… (${target.length} characters)` : target);

function request(port: number, target: string, headers: string): string {
  return `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}Connection: close\r\n\r\n`;
}

const BAD_REQUESTS: [string, (port: number) => string][] = [
  ['no Host header', () => 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n'],
  ['a Host of "["', () => 'GET / HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n'],
  ['a header line without a colon', (port) => request(port, '/', 'no colon here\r\n')],
  ['a NUL in a header value', (port) => request(port, '/', 'X-A: a\0b\r\n')],
  ['a 100 KB header', (port) => request(port, '/', `X-Big: ${'x'.repeat(100_000)}\r\n`)],
  ['a negative Content-Length', (port) => request(port, '/', 'Content-Length: -1\r\n')],
  ['two Content-Lengths', (port) => request(port, '/', 'Content-Length: 1\r\nContent-Length: 2\r\n')],
  ['a broken chunked body', (port) => `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`],
  ['a garbage request line', () => 'GARBAGE\r\n\r\n'],
  ['an HTTP/0.9 request', () => 'GET /\r\n\r\n'],
  ['binary noise', () => '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03'],
  ['an upgrade to a malformed target', (port) => `GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`],
  ['an upgrade with no key', (port) => `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`],
];

interface Server {
  name: string;
  port: () => number;
  /** A request that must still succeed afterwards, proving the server lived. */
  alive: () => Promise<number>;
}

describe('every HTTP server survives malformed requests', () => {
  let web: WebHost;
  let fake: FakeProvider;
  let api: ApiServer;

  beforeAll(async () => {
    api = await startApiServer({ core: apiCore, port: 0, token: () => API_TOKEN, allowedOrigins: () => [] });
    const dir = mkdtempSync(join(tmpdir(), 'sb-hostile-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    web = await startWebHost({ handlers, events: createEventBus(), rendererDir: dir, port: 0 });
    fake = await startFakeProvider({ protocol: 'openai' });
  });
  afterAll(async () => {
    await web?.close();
    await api?.close();
    await fake?.close();
  });

  const servers: Server[] = [
    { name: 'the headless host', port: () => web.port, alive: async () => (await fetch(web.url)).status },
    { name: 'the fake provider', port: () => fake.port, alive: async () => (await fetch(`${fake.baseURL}/models`)).status },
    { name: 'the local API', port: () => api.port, alive: async () => (await fetch(`${api.url}/models`, { headers: { authorization: `Bearer ${API_TOKEN}` } })).status },
  ];

  for (const server of servers) {
    describe(server.name, () => {
      it.each(BAD_TARGETS.map((t) => [label(t), t]))('answers the request target %j with a 4xx and keeps serving', async (_label, target) => {
        const status = statusOf(await rawExchange(server.port(), request(server.port(), target, '')));
        expect(status === undefined || (status >= 400 && status < 500)).toBe(true);
        expect(await server.alive()).toBe(200);
      });

      it.each(BAD_REQUESTS)('survives %s', async (_name, build) => {
        const status = statusOf(await rawExchange(server.port(), build(server.port())));
        expect(status === undefined || status >= 400).toBe(true);
        expect(await server.alive()).toBe(200);
      });
    });
  }

  // Each names the gated page in a way that decodes or normalises to it.
  it.each(['/%69ndex.html', '/index%2ehtml', '//index.html', '/./index.html', '/assets/../index.html', '/%2F/index.html'])(
    'gates %s behind the token like /index.html',
    async (path) => {
      const status = statusOf(await rawExchange(web.port, request(web.port, path, '')));
      expect(status).toBe(401);
      expect(statusOf(await rawExchange(web.port, request(web.port, `${path}?token=${web.token}`, '')))).toBe(200);
    },
  );

  const postToApi = (path: string, body: string) =>
    fetch(`http://127.0.0.1:${api.port}${path}`, { method: 'POST', headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' }, body });

  it.each([
    ['a body that is not JSON', 'not json'],
    ['a JSON array', '[1,2]'],
    ['messages that are not a list', '{"model":"switchboard/auto","messages":"hi"}'],
    ['a message with an unknown role', '{"model":"switchboard/auto","messages":[{"role":"wizard","content":"x"}]}'],
    ['a message with no content at all', '{"model":"switchboard/auto","max_tokens":5,"messages":[{"role":"user"}]}'],
  ])('answers %s on the local API with a 400 in the endpoint\'s format', async (_name, body) => {
    for (const path of ['/v1/chat/completions', '/v1/messages', '/v1/messages/count_tokens']) {
      const res = await postToApi(path, body);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toHaveProperty('error');
    }
  });

  it('lets no request body pollute a prototype', async () => {
    const body = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"model":"switchboard/auto","max_tokens":5,"messages":[{"role":"user","content":"x"}]}';
    for (const path of ['/v1/chat/completions', '/v1/messages', '/v1/messages/count_tokens']) {
      const res = await postToApi(path, body);
      expect(res.status, path).toBeLessThan(600);
      await res.json();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not decode twice, so %2569 stays a literal "%69" and finds no file', async () => {
    expect(statusOf(await rawExchange(web.port, request(web.port, '/%2569ndex.html', '')))).toBe(404);
  });
});
