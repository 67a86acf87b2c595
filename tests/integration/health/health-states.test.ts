/**
 * The states a user reads on the health panel, each from what really happened
 * (real SDKs against fake providers, the real attempts table): no key, a key
 * the provider rejected, offline as opposed to one provider being down, a used
 * up quota, and a rate limit with the time it ends.
 */
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { KEY, openaiProvider, resetAll, startRig, type HealthRig } from './health-rig.js';

/** A port nothing listens on: connecting to it is refused, as a host that is down refuses. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the states on the health panel', () => {
  let a: FakeProvider;
  let b: FakeProvider;
  let ollama: FakeProvider;
  let rig: HealthRig | undefined;

  beforeAll(async () => {
    [a, b, ollama] = await Promise.all([
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] }),
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] }),
      startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }),
    ]);
  });
  afterEach(async () => {
    await resetAll(rig, [a, b, ollama]);
    rig = undefined;
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close(), ollama.close()]);
  });

  const healthOf = (id: string) => rig?.core.health().find((p) => p.provider === id);
  const rowsOf = (id: string) => (rig?.rows() ?? []).filter((r) => r.provider === id) as { started_at: number; total_ms: number; outcome: string; error_kind: string | null }[];
  /** When the answer that carried the headers arrived: the attempt's start plus its duration. */
  const receivedAt = (row: { started_at: number; total_ms: number } | undefined) => (row?.started_at ?? 0) + (row?.total_ms ?? 0);

  it('says "no key" for a provider whose key is nowhere to be found, and sends it nothing', async () => {
    rig = await startRig({
      providers: [openaiProvider('a', a.baseURL), { id: 'keyless', kind: 'openai-compatible', baseURL: b.baseURL, apiKeyEnv: 'HEALTH_KEY_NOT_SET', models: ['m1'] }],
      routes: { general: [{ provider: 'keyless', model: 'm1' }, { provider: 'a', model: 'm1' }] },
    });
    expect((await rig.send()).provider).toBe('a');
    expect(healthOf('keyless')).toMatchObject({ state: 'no_key', samples: 0, successRate: null, lastError: null });
    expect(b.requests).toHaveLength(0);
    expect(healthOf('a')?.state).toBe('healthy');
  });

  it('says "key rejected" after a 401, with the provider’s own words, until the key changes', async () => {
    const strict = await startFakeProvider({ protocol: 'openai', apiKey: 'sk-a-different-key-9876543210', models: ['m1'] });
    try {
      rig = await startRig({
        providers: [openaiProvider('strict', strict.baseURL), openaiProvider('a', a.baseURL)],
        routes: { general: [{ provider: 'strict', model: 'm1' }, { provider: 'a', model: 'm1' }] },
      });
      expect((await rig.send()).provider).toBe('a');
      const h = healthOf('strict');
      expect(h?.state).toBe('key_rejected');
      expect(h?.lastError).toMatchObject({ kind: 'auth', at: rowsOf('strict')[0]?.started_at });
      expect(h?.lastError?.message).toContain('Incorrect API key provided');
      // A rejected key is not a flaky provider: the next message does not try it again.
      await rig.send();
      expect(rowsOf('strict')).toHaveLength(1);
      rig.core.router.state.keyChanged('strict');
      expect(healthOf('strict')?.state).not.toBe('key_rejected');
    } finally {
      await strict.close();
    }
  });

  it('says "offline" for the cloud when the system has no network, while the local model stays usable', async () => {
    rig = await startRig(
      {
        providers: [openaiProvider('a', a.baseURL), { id: 'local', kind: 'ollama', baseURL: ollama.url }],
        routes: { general: [{ provider: 'a', model: 'm1' }] },
        localFallback: { provider: 'local', model: 'llama3.2' },
      },
      { online: () => false },
    );
    expect((await rig.send()).provider).toBe('local');
    expect(healthOf('a')?.state).toBe('offline');
    expect(healthOf('local')?.state).toBe('healthy');
    expect(a.requests).toHaveLength(0);
  });

  it('says a provider that refuses connections is down, not offline, while another cloud provider answers', async () => {
    const port = await closedPort();
    rig = await startRig({
      providers: [openaiProvider('gone', `http://127.0.0.1:${port}/v1`), openaiProvider('a', a.baseURL)],
      routes: { general: [{ provider: 'gone', model: 'm1' }, { provider: 'a', model: 'm1' }] },
    });
    expect((await rig.send()).provider).toBe('a');
    const h = healthOf('gone');
    expect(h?.state).toBe('down');
    expect(h?.lastError?.kind).toBe('network');
    expect(healthOf('a')?.state).toBe('healthy');
  });

  it('says "offline" when every cloud provider tried could not be reached, though the system reports a network', async () => {
    const [p1, p2] = await Promise.all([closedPort(), closedPort()]);
    rig = await startRig({
      providers: [openaiProvider('x', `http://127.0.0.1:${p1}/v1`), openaiProvider('y', `http://127.0.0.1:${p2}/v1`), { id: 'local', kind: 'ollama', baseURL: ollama.url }],
      routes: { general: [{ provider: 'x', model: 'm1' }, { provider: 'y', model: 'm1' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    expect((await rig.send()).provider).toBe('local');
    expect([rowsOf('x')[0]?.error_kind, rowsOf('y')[0]?.error_kind]).toEqual(['network', 'network']);
    expect(healthOf('x')?.state).toBe('offline');
    expect(healthOf('y')?.state).toBe('offline');
    expect(healthOf('local')?.state).toBe('healthy');
  });

  it('says "quota exhausted" when the provider says the account’s quota is used up', async () => {
    rig = await startRig({ providers: [openaiProvider('a', a.baseURL), openaiProvider('b', b.baseURL)], routes: { general: [{ provider: 'a', model: 'm1' }, { provider: 'b', model: 'm1' }] } });
    a.script({ type: 'status', status: 429, code: 'insufficient_quota' });
    expect((await rig.send()).provider).toBe('b');
    const h = healthOf('a');
    expect(h?.state).toBe('quota_exhausted');
    expect(h?.lastError?.kind).toBe('quota_exhausted');
    expect(h?.lastError?.message).toContain('You exceeded your current quota');
    // The provider named no time, so the panel says the next day, not a moment from now.
    expect(h?.until).toBe(new Date(new Date().getFullYear(), new Date().getMonth(), new Date().getDate() + 1).getTime());
    // Later messages skip it rather than spend a request on a known refusal.
    await rig.send();
    expect(rowsOf('a')).toHaveLength(1);
  });

  it('says "quota exhausted" until the end of the day once the user’s own daily quota is reached', async () => {
    rig = await startRig({
      providers: [openaiProvider('a', a.baseURL), openaiProvider('b', b.baseURL)],
      routes: { general: [{ provider: 'a', model: 'm1' }, { provider: 'b', model: 'm1' }] },
      quotas: { a: { requestsPerDay: 2 } },
    });
    await rig.send();
    expect(healthOf('a')?.state).toBe('healthy');
    await rig.send();
    const h = healthOf('a');
    expect(h?.state).toBe('quota_exhausted');
    expect(h?.quota).toMatchObject({ requestsPerDay: 2, requestsUsed: 2 });
    expect(h?.until).toBe(new Date(new Date().getFullYear(), new Date().getMonth(), new Date().getDate() + 1).getTime());
    expect((await rig.send()).provider).toBe('b');
  });

  it('says "rate-limited" until the reset a 429 names in x-ratelimit-reset-requests when there is no Retry-After', async () => {
    rig = await startRig({ providers: [openaiProvider('a', a.baseURL), openaiProvider('b', b.baseURL)], routes: { general: [{ provider: 'a', model: 'm1' }, { provider: 'b', model: 'm1' }] } });
    a.script({
      type: 'status',
      status: 429,
      headers: { 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '20s', 'x-ratelimit-remaining-tokens': '29000', 'x-ratelimit-reset-tokens': '120ms' },
    });
    expect((await rig.send()).provider).toBe('b');
    const h = healthOf('a');
    expect(h?.state).toBe('rate_limited');
    const received = receivedAt(rowsOf('a')[0]);
    expect(h?.until).toBeGreaterThanOrEqual(Math.floor(received) + 20_000 - 1);
    expect(h?.until).toBeLessThanOrEqual(received + 20_000 + 50);
    expect(h?.lastError?.kind).toBe('rate_limited');
  });

  it('says "rate-limited" until the reset when an answer’s headers say no requests are left', async () => {
    const spent = await startFakeProvider({
      protocol: 'openai',
      apiKey: KEY,
      models: ['m1'],
      rateLimitHeaders: { 'x-ratelimit-limit-requests': '200', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '45s', 'x-ratelimit-remaining-tokens': '39000', 'x-ratelimit-reset-tokens': '2s' },
    });
    try {
      rig = await startRig({ providers: [openaiProvider('spent', spent.baseURL), openaiProvider('a', a.baseURL)], routes: { general: [{ provider: 'spent', model: 'm1' }, { provider: 'a', model: 'm1' }] } });
      expect((await rig.send()).provider).toBe('spent');
      const h = healthOf('spent');
      expect(h?.state).toBe('rate_limited');
      const row = rowsOf('spent')[0];
      expect(row?.outcome).toBe('ok');
      // The headers come with the response, before the answer streams: the reset counts from its start at the latest.
      expect(h?.until).toBeGreaterThanOrEqual(Math.floor(row?.started_at ?? 0) + 45_000 - 1);
      expect(h?.until).toBeLessThanOrEqual(receivedAt(row) + 45_000 + 50);
      expect(h?.lastError).toBeNull();
    } finally {
      await spent.close();
    }
  });
});
