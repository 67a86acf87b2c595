/**
 * Every recorded attempt, whoever sent it, reaches every open health panel as
 * one `health.update`: a routed message (as the API and titles send them), and
 * a connection test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract/index.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { KEY, openaiProvider, startRig, type HealthRig } from './health-rig.js';

describe('health.update', () => {
  let a: FakeProvider;
  let rig: HealthRig;
  const updates: EventPayload<'health.update'>[] = [];

  beforeAll(async () => {
    a = await startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] });
    rig = await startRig({ providers: [openaiProvider('a', a.baseURL)], routes: { general: [{ provider: 'a', model: 'm1' }] } });
    rig.core.events.subscribe((name, payload) => {
      if (name === 'health.update') updates.push(payload as EventPayload<'health.update'>);
    });
  });
  afterAll(async () => {
    await rig.close();
    await a.close();
  });

  it('follows a message routed outside the chat service, once per message', async () => {
    updates.length = 0;
    await rig.send();
    await Promise.resolve();
    expect(updates).toHaveLength(1);
    expect(updates[0]?.providers.find((p) => p.provider === 'a')).toMatchObject({ requestsToday: 1, samples: 1, state: 'healthy' });
  });

  it('follows a connection test, with the error it met', async () => {
    updates.length = 0;
    a.script({ type: 'status', status: 500, message: 'the test went wrong' });
    expect((await rig.core.pool.test('a')).ok).toBe(false);
    await Promise.resolve();
    expect(updates).toHaveLength(1);
    expect(updates[0]?.providers.find((p) => p.provider === 'a')?.lastError?.message).toContain('the test went wrong');
  });
});
