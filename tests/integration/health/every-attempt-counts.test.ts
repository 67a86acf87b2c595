/**
 * Every call to a provider is an attempt with its outcome, whatever became of
 * it: a lost hedge race, a stall, a cancel, a continuation. The health panel
 * counts them, so a provider that never answers in time cannot look unused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RouteFailure } from '../../../electron/main/core/router/types.js';
import type { FakeProvider } from '../../fake-provider/index.js';
import { openaiProvider, resetAll, startRig, twoFakes, type HealthRig } from './health-rig.js';

describe('every attempt counts', () => {
  let slow: FakeProvider;
  let fast: FakeProvider;
  let rig: HealthRig;

  beforeAll(async () => {
    [slow, fast] = (await twoFakes()) as [FakeProvider, FakeProvider];
  });
  afterEach(() => resetAll(rig, [slow, fast]));
  afterAll(async () => {
    await Promise.all([slow.close(), fast.close()]);
  });

  const settings = (hedge: boolean) => ({
    providers: [openaiProvider('slow', slow.baseURL), openaiProvider('fast', fast.baseURL)],
    routes: { general: [{ provider: 'slow', model: 'm1' }, { provider: 'fast', model: 'm1' }] },
    taskTypes: hedge ? { general: { hedge: { enabled: true, delayMs: 100 } } } : {},
  });

  it('a stalled provider that lost to a hedge shows those attempts', async () => {
    rig = await startRig(settings(true));
    slow.always({ type: 'stall-before-first-token', ms: 3_000 });
    for (let i = 0; i < 3; i++) expect((await rig.send()).provider).toBe('fast');
    const rows = rig.rows().map((r) => [r.provider, r.outcome, r.hedge, r.source, r.quota_requests]);
    expect(rows).toEqual([
      ['slow', 'hedge_lost', 0, 'chat', 1],
      ['fast', 'ok', 1, 'chat', 1],
      ['slow', 'hedge_lost', 0, 'chat', 1],
      ['fast', 'ok', 1, 'chat', 1],
      ['slow', 'hedge_lost', 0, 'chat', 1],
      ['fast', 'ok', 1, 'chat', 1],
    ]);
    const health = rig.core.health().find((h) => h.provider === 'slow');
    // Not "unknown, 0 requests": three requests, none answered in time.
    expect(health).toMatchObject({ state: 'degraded', samples: 3, hedgeLost: 3, failures: 0, successRate: 0, requestsToday: 3 });
    expect(health?.recent.map((s) => s.outcome)).toEqual(['hedge_lost', 'hedge_lost', 'hedge_lost']);
    expect(rig.core.health().find((h) => h.provider === 'fast')).toMatchObject({ state: 'healthy', samples: 3, successRate: 1 });
  });

  it('a stall past the first-token timeout is an error attempt, and the next provider answers', async () => {
    rig = await startRig({ ...settings(false), taskTypes: { general: { timeouts: { firstTokenMs: 300 } } } });
    slow.script({ type: 'stall-before-first-token', ms: 2_000 });
    const r = await rig.send();
    expect(r.provider).toBe('fast');
    expect(rig.rows().map((row) => [row.provider, row.outcome, row.error_kind, row.fallback])).toEqual([
      ['slow', 'error', 'timeout', 0],
      ['fast', 'ok', null, 1],
    ]);
    expect(rig.core.health().find((h) => h.provider === 'slow')).toMatchObject({ samples: 1, failures: 1, successRate: 0, state: 'down', lastError: { kind: 'timeout' } });
  });

  it('a cut stream and its continuation are two attempts, the second marked as continuing', async () => {
    rig = await startRig(settings(false));
    slow.script({ type: 'error-mid-stream', afterChunks: 2 });
    const r = await rig.send('please continue this');
    expect(r.provider).toBe('fast');
    expect(rig.rows().map((row) => [row.provider, row.outcome, row.continuation, row.fallback])).toEqual([
      ['slow', 'error', 0, 0],
      ['fast', 'ok', 1, 1],
    ]);
  });

  it('a cancel is an attempt with outcome cancelled, and says nothing about the provider’s health', async () => {
    rig = await startRig(settings(false));
    slow.script({ type: 'slow-tokens', delayMs: 200 });
    const stop = new AbortController();
    const sent = rig.send('a long answer please', { signal: stop.signal });
    setTimeout(() => stop.abort(), 300);
    await expect(sent).rejects.toBeInstanceOf(RouteFailure);
    expect(rig.rows().map((row) => [row.provider, row.outcome, row.error_kind])).toEqual([['slow', 'cancelled', null]]);
    expect(rig.core.health().find((h) => h.provider === 'slow')).toMatchObject({ samples: 0, successRate: null, state: 'unknown' });
    expect(rig.core.health().find((h) => h.provider === 'slow')?.recent.map((s) => s.outcome)).toEqual(['cancelled']);
  });
});
