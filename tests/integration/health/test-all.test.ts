/**
 * "Test all connections" and `switchboard doctor` test every provider side by
 * side: each fake sees its completion arrive while the others are still
 * waiting for theirs, so the whole check takes as long as the slowest test, not
 * the sum. And a model the provider does not list fails the test in plain words.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { doctor } from '../../../electron/cli/commands/doctor.js';
import type { Output } from '../../../electron/cli/output.js';
import type { Client } from '../../../renderer/src/client/client.js';
import { createHealthStore } from '../../../renderer/src/store/health-store.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { KEY, openaiProvider, resetAll, startRig, type HealthRig } from './health-rig.js';

const STALL_MS = 1500;

/** What doctor writes, kept as lines. */
function collect(): Output & { lines: string[] } {
  const lines: string[] = [];
  return { json: false, lines, line: (v) => lines.push(JSON.stringify(v)), text: (t) => lines.push(...t.split('\n').filter(Boolean)), note: (m) => lines.push(m) };
}

describe('testing every connection', () => {
  let fakes: FakeProvider[];
  let rig: HealthRig | undefined;

  beforeAll(async () => {
    fakes = await Promise.all([1, 2, 3].map(() => startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] })));
  });
  afterEach(async () => {
    await resetAll(rig, fakes);
    rig = undefined;
  });
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.close()));
  });

  const start = (models: string[] = ['m1', 'm1', 'm1']) =>
    startRig({
      providers: fakes.map((f, i) => openaiProvider(`p${i}`, f.baseURL)),
      routes: { general: fakes.map((_, i) => ({ provider: `p${i}`, model: models[i] as string })) },
      taskTypes: { general: { timeouts: { firstTokenMs: 10_000 } } },
    });

  /**
   * Waits until every fake holds its completion request, and says whether any had
   * answered by then. Run one after another, a test starts only once the one before
   * it answered; side by side, all are waiting at once.
   */
  async function allWaitingAtOnce(): Promise<boolean> {
    for (;;) {
      if (fakes.every((f) => f.requests.length > 0)) return fakes.every((f) => f.lastUsage === undefined);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  it('the panel’s "Test all connections" sends every test at once', async () => {
    rig = await start();
    for (const f of fakes) f.always({ type: 'stall-before-first-token', ms: STALL_MS });
    const core = rig.core;
    // The renderer's own store, calling the core's handlers as the host forwards them.
    const client: Pick<Client, 'call'> = { call: ((name: 'providers.test' | 'health.get', input: never) => core.handlers[name](input, { senderId: 1 })) as Client['call'] };
    const store = createHealthStore(client);
    await store.getState().refresh();
    const done = store.getState().testAll();
    expect(await allWaitingAtOnce()).toBe(true);
    await done;
    const probes = store.getState().probes;
    expect(fakes.map((_, i) => probes[`p${i}`]?.result?.ok)).toEqual([true, true, true]);
  });

  it('doctor does too, and passes when all answer', async () => {
    rig = await start();
    for (const f of fakes) f.always({ type: 'stall-before-first-token', ms: STALL_MS });
    const out = collect();
    const code = doctor(rig.core, out);
    expect(await allWaitingAtOnce()).toBe(true);
    expect(await code).toBe(0);
    expect(out.lines.filter((l) => l.startsWith('ok '))).toHaveLength(3);
  });

  it('fails, in one plain line, a provider whose list does not have the configured model, without trying a completion', async () => {
    rig = await start(['m1', 'gpt-imaginary', 'm1']);
    const out = collect();
    expect(await doctor(rig.core, out)).toBe(1);
    const line = out.lines.find((l) => l.startsWith('FAIL'));
    expect(line).toMatch(/^FAIL p1 .* model_not_found: gpt-imaginary is not in this provider's model list$/);
    expect(out.lines.filter((l) => l.startsWith('ok '))).toHaveLength(2);
    expect(fakes[1]?.requests).toHaveLength(0);
    const r = await rig.core.pool.test('p1');
    expect(r).toMatchObject({ ok: false, errorKind: 'model_not_found', model: 'gpt-imaginary' });
  });
});
