import { describe, expect, it } from 'vitest';
import { createMemoryStateStore } from '../../../electron/main/core/router/state.js';
import { FakeClock, T0, fail, harness, ok } from './fakes.js';

describe('circuit breaker per provider', () => {
  it('opens after 3 consecutive failures, probes when half-open, and closes on a good probe', async () => {
    const h = harness({ scripts: { a: [fail('server'), fail('server'), fail('server'), ok('A')], local: [ok('L')] } });
    for (let i = 0; i < 3; i++) expect((await h.send()).provider).toBe('local');
    expect(h.router.state.health().find((p) => p.provider === 'a')).toMatchObject({ breaker: 'open', state: 'circuit_open', until: T0 + 30_000, lastError: { kind: 'server' }, samples: 3, failures: 3, successRate: 0 });

    const skipped = await h.send();
    expect(skipped.trace.skipped[0]?.reason).toMatch(/breaker open until .*3 failures in a row/);
    expect(h.adapters.a?.requests).toHaveLength(3);

    await h.clock.advance(30_000);
    expect(h.router.state.health().find((p) => p.provider === 'a')?.breaker).toBe('half_open');
    const back = await h.send();
    expect(h.adapters.a?.probes).toBe(1);
    expect(back.provider).toBe('a');
    expect(h.router.state.health().find((p) => p.provider === 'a')?.breaker).toBe('closed');
  });

  it('a failed probe opens the breaker again, for longer, without sending the message', async () => {
    const h = harness({ scripts: { a: [fail('timeout')], local: [ok('L')] } });
    for (let i = 0; i < 3; i++) await h.send();
    h.adapters.a!.probeResults = [false];
    await h.clock.advance(30_000);
    const r = await h.send();
    expect(r.provider).toBe('local');
    expect(r.trace.skipped[0]?.reason).toBe('breaker re-opened: health probe failed');
    expect(h.adapters.a?.requests).toHaveLength(3);
    const health = h.router.state.health().find((p) => p.provider === 'a');
    expect(health?.breaker).toBe('open');
    expect(health?.until).toBe(h.clock.now() + 60_000);
  });

  it('a success in between resets the consecutive count', async () => {
    const h = harness({ scripts: { a: [fail('server'), fail('server'), ok('A'), fail('server'), fail('server'), ok('A2')], local: [ok('L')] } });
    const providers = [];
    for (let i = 0; i < 6; i++) providers.push((await h.send()).provider);
    expect(providers).toEqual(['local', 'local', 'a', 'local', 'local', 'a']);
  });

  it('errors about the request, not the provider, do not open it', async () => {
    const h = harness({ scripts: { a: [fail('content_filter')], b: [ok('B')], local: [ok('L')] } });
    for (let i = 0; i < 4; i++) await h.send();
    expect(h.adapters.a?.requests).toHaveLength(4);
  });

  it('keeps a Retry-After cooldown across a restart', async () => {
    const store = createMemoryStateStore();
    const first = harness({ store, scripts: { a: [fail('rate_limited', { retryAfterMs: 60_000 })], local: [ok('L')] } });
    await first.send();

    const clock = new FakeClock(T0 + 10_000);
    const second = harness({ store, clock, scripts: { a: [ok('A')], local: [ok('L')] } });
    const r = await second.send();
    expect(r.provider).toBe('local');
    expect(second.adapters.a?.requests).toHaveLength(0);
    expect(r.trace.skipped[0]?.reason).toContain('retry after 60s');

    await clock.advance(50_000);
    expect((await second.send()).provider).toBe('a');
  });

  it('starts fresh when the stored state is unreadable', async () => {
    const store = { load: () => ({ version: 99 }), save: () => undefined };
    const h = harness({ store, scripts: { a: [ok('A')], local: [ok('L')] } });
    expect((await h.send()).provider).toBe('a');
  });

  it('reports health per configured provider for the health panel', async () => {
    const h = harness({ scripts: { a: [[{ open: {} }, { wait: 120 }, { text: 'x' }, { done: null }], [{ open: {} }, { wait: 80 }, { text: 'y' }, { done: null }]], b: [ok('B')], local: [ok('L')] } });
    await h.send();
    await h.send();
    const a = h.router.state.health().find((p) => p.provider === 'a');
    expect(a).toMatchObject({ state: 'healthy', breaker: 'closed', ttftMsP50: 80, ttftMsP95: 120, samples: 2, failures: 0, successRate: 1 });
    expect(h.router.state.health().find((p) => p.provider === 'b')?.state).toBe('unknown');
  });

  it('reads "no recent samples" once the last hour holds no attempts, rather than the figures of older ones', async () => {
    const h = harness({ scripts: { a: [fail('server'), ok('A')], local: [ok('L')] } });
    await h.send();
    await h.send();
    expect(h.router.state.health().find((p) => p.provider === 'a')).toMatchObject({ samples: 2, successRate: 0.5 });
    await h.clock.advance(61 * 60_000);
    expect(h.router.state.health().find((p) => p.provider === 'a')).toMatchObject({ state: 'unknown', samples: 0, successRate: null, ttftMsP50: null, recent: [] });
  });
});
