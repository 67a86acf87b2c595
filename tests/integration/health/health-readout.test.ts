/**
 * The health read-out is an aggregation of the attempts table: for a scripted
 * mix of answers and failures, every figure equals what the rows say, and a
 * cooldown's countdown ends exactly when the Retry-After received said.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { KEY, offsetClock, openaiProvider, resetAll, startRig, type HealthRig } from './health-rig.js';

/** Nearest rank, the textbook definition. */
const nearestRank = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? null;
};

describe('the health read-out', () => {
  let a: FakeProvider;
  let b: FakeProvider;
  let rig: HealthRig;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['gpt-4o-mini'], tokenDelayMs: 3 }),
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] }),
    ]);
  });
  afterEach(() => resetAll(rig, [a, b]));
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('equals an aggregation of the attempts table for a scripted mix of successes and failures', async () => {
    rig = await startRig({
      // Kind openai: the catalog prices gpt-4o-mini, so cost is a figure to check.
      providers: [{ ...openaiProvider('a', a.baseURL, ['gpt-4o-mini']), kind: 'openai' }, openaiProvider('b', b.baseURL)],
      routes: { general: [{ provider: 'a', model: 'gpt-4o-mini' }, { provider: 'b', model: 'm1' }] },
      quotas: { a: { requestsPerDay: 100 } },
    });
    a.script(
      { type: 'none' },
      { type: 'status', status: 500, message: 'first failure' },
      { type: 'slow-tokens', delayMs: 20 },
      { type: 'none' },
      { type: 'status', status: 503, message: 'The engine is currently overloaded, please try again later' },
      { type: 'none' },
    );
    for (let i = 0; i < 6; i++) await rig.send(`message number ${i} with a few words in it`);
    const rows = rig.rows().filter((r) => r.provider === 'a');
    const ok = rows.filter((r) => r.outcome === 'ok');
    const h = rig.core.health().find((p) => p.provider === 'a');
    expect(rows).toHaveLength(6);
    expect(h?.samples).toBe(rows.length);
    expect(h?.failures).toBe(2);
    expect(h?.successRate).toBe(ok.length / rows.length);
    expect(h?.ttftMsP50).toBe(nearestRank(ok.map((r) => r.ttft_ms as number), 50));
    expect(h?.ttftMsP95).toBe(nearestRank(ok.map((r) => r.ttft_ms as number), 95));
    expect(h?.totalMsP50).toBe(nearestRank(ok.map((r) => r.total_ms as number), 50));
    expect(h?.totalMsP95).toBe(nearestRank(ok.map((r) => r.total_ms as number), 95));
    const tokens = ok.reduce((n, r) => n + (r.tokens_out as number), 0);
    const seconds = ok.reduce((n, r) => n + ((r.total_ms as number) - (r.ttft_ms as number)) / 1000, 0);
    expect(h?.tokensPerSec).toBeCloseTo(tokens / seconds, 6);
    expect(h?.requestsToday).toBe(6);
    expect(h?.tokensToday).toBe(rows.reduce((n, r) => n + ((r.tokens_in as number) ?? 0) + ((r.tokens_out as number) ?? 0), 0));
    expect(h?.costTodayUsd).toBeCloseTo(rows.reduce((n, r) => n + ((r.cost_usd as number) ?? 0), 0), 12);
    expect(h?.costTodayUsd).toBeGreaterThan(0);
    expect(h?.quota).toEqual({ requestsPerDay: 100, requestsUsed: 6, tokensUsed: rows.reduce((n, r) => n + (r.quota_tokens as number), 0) });
    const lastFailure = rows.filter((r) => r.outcome === 'error').at(-1);
    expect(h?.lastError).toMatchObject({ kind: 'overloaded', at: lastFailure?.started_at });
    expect(h?.lastError?.message).toContain('The engine is currently overloaded');
    expect(h?.recent.map((s) => s.outcome)).toEqual(rows.map((r) => r.outcome));
    expect(h?.state).toBe('degraded');
  });

  it('counts a cooldown down to exactly the Retry-After received', async () => {
    rig = await startRig({ providers: [openaiProvider('a', a.baseURL, ['gpt-4o-mini']), openaiProvider('b', b.baseURL)], routes: { general: [{ provider: 'a', model: 'gpt-4o-mini' }, { provider: 'b', model: 'm1' }] } });
    a.script({ type: 'status', status: 429, retryAfter: '37', message: 'Rate limit reached for requests' });
    const r = await rig.send();
    expect(r.provider).toBe('b');
    const failed = rig.rows()[0] as { started_at: number; total_ms: number };
    const h = rig.core.health().find((p) => p.provider === 'a');
    expect(h?.state).toBe('rate_limited');
    // The wait starts when the 429 arrived: the attempt's start plus its duration.
    const received = failed.started_at + failed.total_ms;
    expect(h?.until).toBeGreaterThanOrEqual(Math.floor(received) + 37_000 - 1);
    expect(h?.until).toBeLessThanOrEqual(received + 37_000 + 50);
    expect(h?.lastError).toMatchObject({ kind: 'rate_limited' });
    // The user can close it from the panel: the next message goes to a again.
    await rig.core.handlers['health.resetCircuit']({ provider: 'a' }, { senderId: 1 });
    expect(rig.core.health().find((p) => p.provider === 'a')?.state).not.toBe('rate_limited');
    expect((await rig.send()).provider).toBe('a');
  });
});

describe('the recent window', () => {
  let a: FakeProvider;
  let b: FakeProvider;
  let rig: HealthRig | undefined;

  beforeAll(async () => {
    [a, b] = await Promise.all([startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] }), startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] })]);
  });
  afterAll(async () => {
    await rig?.close();
    await Promise.all([a.close(), b.close()]);
  });

  it('says "no recent samples" rather than a stale figure once the last hour holds no attempts', async () => {
    const clock = offsetClock();
    rig = await startRig({ providers: [openaiProvider('a', a.baseURL), openaiProvider('b', b.baseURL)], routes: { general: [{ provider: 'a', model: 'm1' }, { provider: 'b', model: 'm1' }] } }, { clock });
    a.script({ type: 'status', status: 500, message: 'bad hour' }, { type: 'status', status: 500, message: 'bad hour' }, { type: 'none' });
    for (let i = 0; i < 3; i++) await rig.send();
    const before = rig.core.health().find((p) => p.provider === 'a');
    expect(before).toMatchObject({ state: 'down', samples: 3, failures: 2 });
    expect(before?.successRate).toBeCloseTo(1 / 3, 9);

    clock.advance(61 * 60_000);
    const rows = rig.rows().filter((r) => r.provider === 'a');
    expect(rows).toHaveLength(3);
    const after = rig.core.health().find((p) => p.provider === 'a');
    expect(after).toMatchObject({ state: 'unknown', successRate: null, samples: 0, failures: 0, ttftMsP50: null, ttftMsP95: null, totalMsP50: null, tokensPerSec: null, recent: [] });
    // What went wrong stays readable: the last error is history, not a recent figure.
    expect(after?.lastError?.message).toContain('bad hour');
  });
});

describe('cost today and this month', () => {
  let a: FakeProvider;
  let rig: HealthRig | undefined;

  beforeAll(async () => {
    a = await startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['gpt-4o-mini'] });
  });
  afterAll(async () => {
    await rig?.close();
    await a.close();
  });

  it('sums each provider’s calls of the local day and of the calendar month, leaving last month out', async () => {
    const clock = offsetClock();
    const year = new Date().getFullYear();
    const month = new Date().getMonth();
    // Noon local time: last day of the previous month, then the 2nd and the 3rd of this one.
    const [lastMonth, second, third] = [new Date(year, month, 0, 12), new Date(year, month, 2, 12), new Date(year, month, 3, 12)].map((d) => d.getTime());
    rig = await startRig({ providers: [{ ...openaiProvider('a', a.baseURL, ['gpt-4o-mini']), kind: 'openai' }], routes: { general: [{ provider: 'a', model: 'gpt-4o-mini' }] } }, { clock });
    const sendOn = async (at: number, texts: string[]) => {
      clock.moveTo(at);
      for (const t of texts) await rig?.send(t);
    };
    await sendOn(lastMonth as number, ['a question from last month, long enough to cost a little']);
    await sendOn(second as number, ['one on the second', 'another on the second, with rather more words in it']);
    await sendOn(third as number, ['and one on the third']);
    const rows = rig.rows() as { started_at: number; cost_usd: number | null }[];
    const costOf = (from: number) => rows.filter((r) => r.started_at >= from).reduce((n, r) => n + (r.cost_usd ?? 0), 0);
    const monthStart = new Date(year, month, 1).getTime();
    const dayStart = new Date(year, month, 3).getTime();
    const h = rig.core.health().find((p) => p.provider === 'a');
    expect(rows.every((r) => (r.cost_usd ?? 0) > 0)).toBe(true);
    expect(h?.costTodayUsd).toBeCloseTo(costOf(dayStart), 12);
    expect(h?.costMonthUsd).toBeCloseTo(costOf(monthStart), 12);
    expect(h?.requestsToday).toBe(1);
    // Three calls this month, one today: the month is more than the day, and last month's call is in neither.
    expect(h?.costMonthUsd).toBeGreaterThan(h?.costTodayUsd ?? 0);
    expect(h?.costMonthUsd).toBeLessThan(rows.reduce((n, r) => n + (r.cost_usd ?? 0), 0));
  });
});
