/**
 * Who can reach the local API: only loopback, only with the token, only for
 * this port's own host names, and no browser origin unless the user allowed it.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApi, useApiRig } from './api-harness.js';

const live = useApiRig({ beforeAll, afterAll, beforeEach, afterEach }, false);

function rawGet(port: number, headers: Record<string, string>, method = 'GET'): Promise<{ status?: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/v1/models', method, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += String(d)));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the token', () => {
  it('is required: none or a wrong one gets a 401 in each format', async () => {
    live.rig = await startApi(live.fakes);
    await expect(live.rig.openai({ apiKey: 'sb-wrong' }).models.list()).rejects.toMatchObject({ status: 401, error: { code: 'invalid_api_key' } });
    await expect(
      live.rig.anthropic({ apiKey: 'sb-wrong' }).messages.create({ model: 'switchboard/auto', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toMatchObject({ status: 401, error: { error: { type: 'authentication_error' } } });
    const none = await fetch(`${live.rig.server.url}/models`);
    expect(none.status).toBe(401);
    expect(live.fakes.oa.requests).toHaveLength(0);
  });

  it('works as a bearer token and as x-api-key, and is never a provider key', async () => {
    live.rig = await startApi(live.fakes);
    const url = `${live.rig.server.url}/models`;
    expect((await fetch(url, { headers: { authorization: `Bearer ${live.rig.token}` } })).status).toBe(200);
    expect((await fetch(url, { headers: { 'x-api-key': live.rig.token } })).status).toBe(200);
    expect((await fetch(url, { headers: { authorization: 'Bearer sk-oa-secret-key-1234' } })).status).toBe(401);
    expect(live.rig.token).toMatch(/^sb-[A-Za-z0-9_-]{32}$/);
  });

  it('can be rotated: the old one stops working at once', async () => {
    live.rig = await startApi(live.fakes);
    const old = live.rig.token;
    const fresh = await live.rig.core.api.rotate();
    const url = `${live.rig.server.url}/models`;
    expect((await fetch(url, { headers: { authorization: `Bearer ${old}` } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${fresh}` } })).status).toBe(200);
  });
});

describe('the Host header', () => {
  it('must name 127.0.0.1 or localhost with this port (DNS rebinding is refused)', async () => {
    live.rig = await startApi(live.fakes);
    const auth = { authorization: `Bearer ${live.rig.token}` };
    const port = live.rig.server.port;
    expect((await rawGet(port, { ...auth, host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await rawGet(port, { ...auth, host: `localhost:${port}` })).status).toBe(200);
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `localhost.evil.example:${port}`]) {
      expect((await rawGet(port, { ...auth, host })).status, host).toBe(403);
    }
  });
});

describe('CORS', () => {
  it('is closed by default: a page from any origin is refused and nothing is echoed', async () => {
    live.rig = await startApi(live.fakes);
    const port = live.rig.server.port;
    for (const origin of ['https://evil.example', 'http://localhost:3000', 'null']) {
      const simple = await rawGet(port, { authorization: `Bearer ${live.rig.token}`, origin });
      expect(simple.status).toBe(403);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await rawGet(port, { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' }, 'OPTIONS');
      expect(preflight.status).toBe(403);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('opens only to the origins the user allowed, never to others', async () => {
    live.rig = await startApi(live.fakes, { allowedOrigins: ['http://localhost:3000'] });
    const port = live.rig.server.port;
    const preflight = await rawGet(port, { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' }, 'OPTIONS');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/authorization/);
    const allowed = await rawGet(port, { authorization: `Bearer ${live.rig.token}`, origin: 'http://localhost:3000' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect((await rawGet(port, { authorization: `Bearer ${live.rig.token}`, origin: 'http://localhost:3001' })).status).toBe(403);
  });
});

describe('reachability', () => {
  const external = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .find((i) => !i.internal && i.family === 'IPv4')?.address;

  it('listens on 127.0.0.1 only', async () => {
    live.rig = await startApi(live.fakes);
    expect(live.rig.server.url).toBe(`http://127.0.0.1:${live.rig.server.port}/v1`);
  });

  it.skipIf(external === undefined)('refuses connections on the machine\'s network address', async () => {
    live.rig = await startApi(live.fakes);
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: external, port: live.rig.server.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });
});
