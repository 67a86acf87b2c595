import { describe, expect, it } from 'vitest';
import { RouteFailure } from '../../../electron/main/core/router/types.js';
import { T0, fail, harness, makeSettings, ok } from './fakes.js';

async function failure(p: Promise<unknown>): Promise<RouteFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RouteFailure) return e;
    throw e;
  }
  throw new Error('expected the route to fail');
}

describe('fallback chain per error kind', () => {
  it('answers from the first target when it works, with one attempt in the trace', async () => {
    const h = harness({ scripts: { a: [ok('Hi!')], b: [ok('B')], local: [ok('L')] } });
    const r = await h.send();
    expect(r.text).toBe('Hi!');
    expect(r.provider).toBe('a');
    expect(r.attempts).toHaveLength(1);
    expect(r.attempts[0]).toMatchObject({ provider: 'a', outcome: 'ok', usage: { inputTokens: 10, outputTokens: 5 } });
    expect(r.trace.considered.map((t) => t.provider)).toEqual(['a', 'b', 'local']);
    expect(r.trace.taskReason).toBe('chosen by you');
  });

  it('still lists a fallback that could not have run when the first target answers', async () => {
    // "b" has no adapter (no key): nothing is sent to it, but the trace says why it was out.
    const h = harness({ scripts: { a: [ok('Hi!')], local: [ok('L')] }, settings: makeSettings(['a', 'b']) });
    const r = await h.send();
    expect(r.provider).toBe('a');
    expect(r.trace.skipped).toEqual([{ provider: 'b', model: 'b-model', reason: 'no key' }]);
    expect(h.router.preview({ messages: [{ role: 'user', content: 'hello there' }], taskChoice: 'general' }).skipped).toEqual(r.trace.skipped);
  });

  it('rate_limited: cools the provider for Retry-After and moves on; later messages skip it until then', async () => {
    const h = harness({ scripts: { a: [fail('rate_limited', { retryAfterMs: 20_000, status: 429, requestId: 'req_1' }), ok('A')], b: [ok('B')], local: [ok('L')] } });
    const r = await h.send();
    expect(r.provider).toBe('b');
    expect(r.attempts[0]).toMatchObject({ provider: 'a', outcome: 'error', errorKind: 'rate_limited', status: 429, requestId: 'req_1' });
    expect(h.fallbacks[0]).toEqual({ from: 'a', to: 'b', reason: 'rate limited' });

    await h.clock.advance(10_000);
    const r2 = await h.send();
    expect(r2.provider).toBe('b');
    expect(r2.trace.skipped[0]).toMatchObject({ provider: 'a', reason: expect.stringContaining('breaker open until') });
    expect(h.adapters.a?.requests).toHaveLength(1);

    await h.clock.advance(11_000);
    const r3 = await h.send();
    expect(r3.provider).toBe('a');
    expect(h.adapters.a?.probes).toBe(1);
  });

  it('rate_limited without Retry-After backs off 1 s, then 2 s', async () => {
    const h = harness({ scripts: { a: [fail('rate_limited'), fail('rate_limited'), ok('A')], local: [ok('L')] } });
    await h.send();
    await h.clock.advance(999);
    expect((await h.send()).trace.skipped[0]?.reason).toContain('backing off 1s');
    await h.clock.advance(1);
    expect((await h.send()).provider).toBe('local');
    expect(h.adapters.a?.requests).toHaveLength(2);
    await h.clock.advance(1_999);
    expect((await h.send()).trace.skipped[0]?.reason).toContain('backing off 2s');
  });

  it('quota_exhausted: skips the provider until the reported reset', async () => {
    const reset = T0 + 3_600_000;
    const h = harness({ scripts: { a: [fail('quota_exhausted', { rateLimit: { remainingRequests: 0, resetRequestsAt: reset } }), ok('A')], local: [ok('L')] } });
    expect((await h.send()).provider).toBe('local');
    await h.clock.advance(3_599_000);
    expect((await h.send()).trace.skipped[0]?.reason).toMatch(/^quota used up until/);
    await h.clock.advance(1_000);
    expect((await h.send()).provider).toBe('a');
  });

  it('quota_exhausted without a reset time waits for the next local midnight', async () => {
    const h = harness({ scripts: { a: [fail('quota_exhausted'), ok('A')], local: [ok('L')] } });
    await h.send();
    const midnight = new Date(2026, 2, 11).getTime();
    await h.clock.advance(midnight - h.clock.now() - 1);
    expect((await h.send()).provider).toBe('local');
    await h.clock.advance(1);
    expect((await h.send()).provider).toBe('a');
  });

  it('auth: marks the key rejected and skips it until the key changes', async () => {
    const h = harness({ scripts: { a: [fail('auth', { status: 401 }), ok('A')], b: [ok('B')], local: [ok('L')] } });
    expect((await h.send()).provider).toBe('b');
    await h.clock.advance(24 * 3_600_000);
    const r = await h.send();
    expect(r.trace.skipped).toContainEqual({ provider: 'a', model: 'a-model', reason: 'key rejected: update it in Settings' });
    h.router.state.keyChanged('a');
    expect((await h.send()).provider).toBe('a');
  });

  it('context_length: skips later targets whose window is not larger', async () => {
    const settings = makeSettings(['a', 'b', 'c']);
    const windows: Record<string, number> = { a: 8_000, b: 8_000, c: 128_000 };
    const h = harness({
      settings,
      scripts: { a: [fail('context_length')], b: [ok('B')], c: [ok('C')], local: [ok('L')] },
      price: (p) => ({ inputUsdPerMTok: 1, outputUsdPerMTok: 2, contextWindow: windows[p] ?? 4_000 }),
    });
    const r = await h.send();
    expect(r.provider).toBe('c');
    expect(r.trace.skipped).toContainEqual(expect.objectContaining({ provider: 'b', reason: expect.stringContaining('context too small') }));
    expect(h.adapters.b?.requests).toHaveLength(0);
  });

  it('model_not_found: skips the target, flags it for Settings, and skips it on later messages', async () => {
    const h = harness({ scripts: { a: [fail('model_not_found', { status: 404, message: 'no such model' })], b: [ok('B')], local: [ok('L')] } });
    expect((await h.send()).provider).toBe('b');
    expect(h.router.state.flaggedTargets()).toEqual([expect.objectContaining({ provider: 'a', model: 'a-model', reason: 'no such model' })]);
    const r = await h.send();
    expect(r.trace.skipped[0]?.reason).toContain('model not found');
    h.router.state.unflag('a');
    expect(h.router.state.flaggedTargets()).toEqual([]);
  });

  it.each(['server', 'overloaded', 'timeout', 'network'] as const)('%s: moves on to the next target', async (kind) => {
    const h = harness({ scripts: { a: [fail(kind, { status: 500 })], b: [ok('B')], local: [ok('L')] } });
    const r = await h.send();
    expect(r.provider).toBe('b');
    expect(r.attempts.map((a) => [a.provider, a.outcome, a.errorKind])).toEqual([
      ['a', 'error', kind],
      ['b', 'ok', undefined],
    ]);
  });

  it('content_filter: moves on and keeps the block visible in the attempts and fallback event', async () => {
    const h = harness({ scripts: { a: [fail('content_filter', { message: 'flagged by policy' })], b: [ok('B')], local: [ok('L')] } });
    const r = await h.send();
    expect(r.provider).toBe('b');
    expect(r.attempts[0]).toMatchObject({ errorKind: 'content_filter', message: 'flagged by policy' });
    expect(h.fallbacks[0]?.reason).toBe('blocked by the content filter');
  });

  it('bad_request: stops at once and reports it', async () => {
    const h = harness({ scripts: { a: [fail('bad_request', { status: 400, message: 'temperature out of range' })], b: [ok('B')], local: [ok('L')] } });
    const f = await failure(h.send());
    expect(f.kind).toBe('bad_request');
    expect(f.message).toContain('temperature out of range');
    expect(f.attempts).toHaveLength(1);
    expect(h.adapters.b?.requests).toHaveLength(0);
  });

  it('cancelled by the user: stops, aborts the stream and keeps the partial text', async () => {
    const h = harness({ scripts: { a: [[{ open: {} }, { text: 'Part' }, { wait: 1_000 }, { text: 'never' }, { done: null }]], local: [ok('L')] } });
    const controller = new AbortController();
    h.clock.setTimeout(() => controller.abort(), 500);
    const f = await failure(h.send('hi', {}, controller.signal));
    expect(f.kind).toBe('cancelled');
    expect(f.partialText).toBe('Part');
    expect(f.attempts[0]?.outcome).toBe('cancelled');
    expect(h.adapters.a?.signals[0]?.aborted).toBe(true);
    expect(h.adapters.local?.requests).toHaveLength(0);
  });

  it('ends at the local model, which no quota touches, and fails with every attempt listed when it fails too', async () => {
    const settings = makeSettings(['a'], { quotas: { local: { requestsPerDay: 1 } } });
    const h = harness({ settings, scripts: { a: [fail('server')], local: [ok('L1'), ok('L2'), fail('network')] } });
    expect((await h.send()).provider).toBe('local');
    expect((await h.send()).provider).toBe('local');
    const f = await failure(h.send());
    expect(f.attempts.map((a) => a.provider)).toEqual(['a', 'local']);
    expect(f.kind).toBe('network');
  });

  it('reports no_target with the reasons when nothing can run', async () => {
    const settings = makeSettings(['a'], { localFallback: undefined });
    const h = harness({ settings, scripts: { a: [ok('A')] } });
    h.online.value = false;
    const f = await failure(h.send());
    expect(f.kind).toBe('no_target');
    expect(f.message).toContain('a: offline');
  });

  it('names why targets were skipped: unknown provider, disabled, no key', async () => {
    const base = makeSettings(['a', 'b']);
    const settings = {
      ...base,
      providers: [...base.providers.map((p) => (p.id === 'b' ? { ...p, enabled: false } : p)), { id: 'c', kind: 'openai' as const, enabled: true }],
      routes: { general: [{ provider: 'ghost', model: 'm' }, { provider: 'b', model: 'b-model' }, { provider: 'c', model: 'c1' }, { provider: 'a', model: 'a-model' }] },
    };
    const h = harness({ settings, scripts: { a: [ok('A')], b: [ok('B')], local: [ok('L')] } });
    const r = await h.send();
    expect(r.provider).toBe('a');
    expect(r.trace.skipped.map((s) => [s.provider, s.reason])).toEqual([
      ['ghost', 'unknown provider'],
      ['b', 'disabled'],
      ['c', 'no key'],
    ]);
  });
});
