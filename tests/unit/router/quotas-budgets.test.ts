import { describe, expect, it } from 'vitest';
import { FakeClock, fail, harness, makeSettings, ok } from './fakes.js';

const late = new Date(2026, 2, 10, 23, 59, 0).getTime();

describe('daily quotas', () => {
  it('skips a provider at its daily request quota and lets it back at local midnight', async () => {
    const settings = makeSettings(['a'], { quotas: { a: { requestsPerDay: 2 } } });
    const h = harness({ settings, clock: new FakeClock(late), scripts: { a: [ok('A')], local: [ok('L')] } });
    expect((await h.send()).provider).toBe('a');
    expect((await h.send()).provider).toBe('a');
    const third = await h.send();
    expect(third.provider).toBe('local');
    expect(third.trace.skipped[0]).toMatchObject({ provider: 'a', reason: 'daily request quota reached (2/2)' });
    await h.clock.advance(60_000);
    expect((await h.send()).provider).toBe('a');
  });

  it('counts tokens against a daily token quota, including the prompt about to be sent', async () => {
    const settings = makeSettings(['a'], { quotas: { a: { tokensPerDay: 1_000 } } });
    const h = harness({ settings, scripts: { a: [ok('A', { inputTokens: 900, outputTokens: 50 })], local: [ok('L')] } });
    expect((await h.send()).provider).toBe('a');
    const r = await h.send('x'.repeat(400));
    expect(r.provider).toBe('local');
    expect(r.trace.skipped[0]?.reason).toContain('daily token quota reached');
  });

  it('skips before a 429 using the live rate-limit snapshot', async () => {
    const h = harness({
      scripts: {
        a: [[{ open: { rateLimit: { remainingRequests: 0, resetRequestsAt: late } } }, { text: 'A' }, { done: null }], ok('A2')],
        b: [[{ open: { rateLimit: { remainingTokens: 50, resetTokensAt: late } } }, { text: 'B' }, { done: null }], ok('B2')],
        local: [ok('L')],
      },
    });
    await h.send();
    const second = await h.send('y'.repeat(800));
    expect(second.trace.skipped.map((s) => s.reason)).toEqual([
      expect.stringContaining('rate limit: no requests left until 23:59:00'),
    ]);
    expect(second.provider).toBe('b');
    const third = await h.send('y'.repeat(800));
    expect(third.provider).toBe('local');
    expect(third.trace.skipped[1]?.reason).toMatch(/rate limit: 50 tokens left, prompt needs ~\d+/);
  });

  it('forgets a snapshot without reset times after a minute', async () => {
    const h = harness({ scripts: { a: [[{ open: { rateLimit: { remainingRequests: 0 } } }, { text: 'A' }, { done: null }], ok('A2')], local: [ok('L')] } });
    await h.send();
    expect((await h.send()).trace.skipped[0]?.reason).toBe('rate limit: no requests left');
    await h.clock.advance(60_000);
    expect((await h.send()).provider).toBe('a');
  });
});

describe('budgets', () => {
  const price = (p: string) => (p === 'local' ? undefined : { inputUsdPerMTok: 1_000, outputUsdPerMTok: 1_000 });

  it('warns once at 80% of the daily budget and again when it is used up', async () => {
    const settings = makeSettings(['a'], { budgets: { dailyUsd: 1, hardStop: false } });
    const h = harness({ settings, price, scripts: { a: [ok('A', { inputTokens: 400, outputTokens: 0 })], local: [ok('L')] } });
    await h.send();
    expect(h.notices).toEqual([]);
    await h.send();
    expect(h.notices).toEqual([expect.objectContaining({ level: 'warning', text: '80% of the daily budget of $1 is used.' })]);
    await h.send();
    expect(h.notices.map((n) => n.level)).toEqual(['warning', 'error']);
    await h.send();
    expect(h.notices).toHaveLength(2);
  });

  it('hard stop: only $0 targets such as the local model run once the budget is spent', async () => {
    const settings = makeSettings(['a', 'free'], { budgets: { monthlyUsd: 0.5, hardStop: true } });
    const h = harness({
      settings,
      price: (p) => (p === 'free' ? { inputUsdPerMTok: 0, outputUsdPerMTok: 0 } : p === 'local' ? undefined : { inputUsdPerMTok: 1_000, outputUsdPerMTok: 1_000 }),
      scripts: { a: [ok('A', { inputTokens: 500, outputTokens: 0 })], free: [fail('server'), ok('F')], local: [ok('L')] },
    });
    expect((await h.send()).provider).toBe('a');
    const r = await h.send();
    expect(r.trace.skipped).toEqual([expect.objectContaining({ provider: 'a', reason: 'monthly budget of $0.5 reached (hard stop)' })]);
    expect(r.provider).toBe('local');
    expect((await h.send()).provider).toBe('free');
  });

  it('resets the daily spend at local midnight', async () => {
    const settings = makeSettings(['a'], { budgets: { dailyUsd: 0.5, hardStop: true } });
    const h = harness({ settings, clock: new FakeClock(late), price, scripts: { a: [ok('A', { inputTokens: 500, outputTokens: 0 })], local: [ok('L')] } });
    await h.send();
    expect((await h.send()).provider).toBe('local');
    await h.clock.advance(60_000);
    expect((await h.send()).provider).toBe('a');
  });
});
