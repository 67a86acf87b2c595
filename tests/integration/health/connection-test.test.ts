/**
 * The connection test proves a provider answers as chat uses it: the model list
 * answers, then one tiny completion streams its first token within the task's
 * first-token timeout. A list that works is not enough.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { KEY, openaiProvider, startRig, type HealthRig } from './health-rig.js';

describe('the connection test', () => {
  let fake: FakeProvider;
  let rig: HealthRig;

  beforeAll(async () => {
    fake = await startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1', 'm2'] });
    rig = await startRig({
      providers: [openaiProvider('gpt', fake.baseURL)],
      routes: { general: [{ provider: 'gpt', model: 'm1' }], realtime: [{ provider: 'gpt', model: 'm2' }] },
      taskTypes: { realtime: { timeouts: { firstTokenMs: 400 } } },
    });
  });
  afterEach(() => {
    fake.reset();
    fake.always(undefined);
  });
  afterAll(async () => {
    await rig.close();
    await fake.close();
  });

  it('streams a tiny completion to the model of the strictest route, and says how fast its first token came', async () => {
    const r = await rig.core.pool.test('gpt');
    expect(r).toMatchObject({ provider: 'gpt', ok: true, modelCount: 2, model: 'm2', taskType: 'realtime' });
    expect(r.ttftMs).toBeGreaterThan(0);
    expect(r.latencyMs).toBeGreaterThanOrEqual(r.ttftMs ?? 0);
    const chat = fake.requests.at(-1);
    expect(chat).toMatchObject({ model: 'm2', stream: true });
  });

  it('fails when the model list works but the completion fails, with the provider’s own message', async () => {
    fake.always({ type: 'status', status: 500, message: 'The server had an error while processing your request.' });
    const r = await rig.core.pool.test('gpt');
    expect(r).toMatchObject({ ok: false, errorKind: 'server', modelCount: 2 });
    expect(r.message).toContain('The server had an error while processing your request.');
  });

  it('fails when the streamed completion stalls past the first-token timeout', async () => {
    fake.always({ type: 'stall-before-first-token', ms: 3_000 });
    const r = await rig.core.pool.test('gpt');
    expect(r).toMatchObject({ ok: false, errorKind: 'timeout' });
    expect(r.message).toMatch(/realtime/);
    expect(r.latencyMs).toBeLessThan(2_500);
  });

  it('fails when the key is rejected, before any completion is tried', async () => {
    fake.always({ type: 'status', status: 401, target: 'models', message: 'Incorrect API key provided' });
    const before = fake.requests.length;
    const r = await rig.core.pool.test('gpt');
    expect(r).toMatchObject({ ok: false, errorKind: 'auth' });
    expect(fake.requests.length).toBe(before);
  });

  it('is recorded as a probe attempt with its model and first-token time', async () => {
    await rig.core.pool.test('gpt');
    const last = rig.rows().at(-1);
    expect(last).toMatchObject({ source: 'probe', provider: 'gpt', model: 'm2', outcome: 'ok' });
    expect(last?.ttft_ms).toBeGreaterThan(0);
  });
});
