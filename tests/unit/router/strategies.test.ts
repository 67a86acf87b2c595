import { describe, expect, it } from 'vitest';
import { expandWeightedGroups } from '../../../electron/main/core/router/strategies.js';
import { harness, makeSettings, ok, seeded } from './fakes.js';

describe('weighted choice among targets of equal rank', () => {
  it('draws consecutive weighted targets in proportion to their weights, reproducibly with a seed', () => {
    const route = [
      { provider: 'a', model: 'm', weight: 3 },
      { provider: 'b', model: 'm', weight: 1 },
      { provider: 'c', model: 'm' },
    ];
    const random = seeded(42);
    const firsts: Record<string, number> = {};
    for (let i = 0; i < 4_000; i++) {
      const order = expandWeightedGroups(route, random);
      expect(order[2]?.provider).toBe('c');
      firsts[order[0]?.provider ?? ''] = (firsts[order[0]?.provider ?? ''] ?? 0) + 1;
    }
    expect((firsts.a ?? 0) / 4_000).toBeGreaterThan(0.7);
    expect((firsts.a ?? 0) / 4_000).toBeLessThan(0.8);
    const again = seeded(42);
    expect(expandWeightedGroups(route, again).map((t) => t.provider)).toEqual(expandWeightedGroups(route, seeded(42)).map((t) => t.provider));
  });

  it('an unweighted target between weighted ones splits them into separate ranks', () => {
    const route = [
      { provider: 'a', model: 'm', weight: 1 },
      { provider: 'x', model: 'm' },
      { provider: 'b', model: 'm', weight: 100 },
    ];
    expect(expandWeightedGroups(route, () => 0.99).map((t) => t.provider)).toEqual(['a', 'x', 'b']);
  });

  it('the router picks by the injected random', async () => {
    const settings = makeSettings(['a', 'b'], { routes: { general: [{ provider: 'a', model: 'a-model', weight: 1 }, { provider: 'b', model: 'b-model', weight: 1 }] } });
    const low = harness({ settings, random: () => 0.1, scripts: { a: [ok('A')], b: [ok('B')], local: [ok('L')] } });
    const high = harness({ settings, random: () => 0.9, scripts: { a: [ok('A')], b: [ok('B')], local: [ok('L')] } });
    expect((await low.send()).provider).toBe('a');
    expect((await high.send()).provider).toBe('b');
  });
});

describe('strategies', () => {
  const withStrategy = (strategy: 'fastest' | 'cheapest' | 'balanced') =>
    makeSettings(['a', 'b', 'c'], { taskTypes: { general: { strategy } } });

  it('fastest: orders by measured median time to first token', async () => {
    const slow = (ms: number) => [[{ open: {} }, { wait: ms }, { text: 'x' }, { done: null }]];
    const h = harness({ settings: withStrategy('fastest'), scripts: { a: slow(900), b: slow(100), c: slow(400), local: [ok('L')] } });
    // Measure each once by pinning.
    for (const p of ['a', 'b', 'c']) await h.send('hi', { provider: p });
    const r = await h.send();
    expect(r.trace.considered.map((t) => t.provider)).toEqual(['b', 'c', 'a', 'local']);
    expect(r.trace.strategy).toBe('fastest');
  });

  it('cheapest: orders by the price of the estimated tokens, unknown prices last', async () => {
    const prices: Record<string, { inputUsdPerMTok: number; outputUsdPerMTok: number }> = {
      a: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
      c: { inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.4 },
    };
    const h = harness({ settings: withStrategy('cheapest'), price: (p) => prices[p], scripts: { a: [ok('A')], b: [ok('B')], c: [ok('C')], local: [ok('L')] } });
    const preview = h.router.preview({ messages: [{ role: 'user', content: 'hi' }], taskChoice: 'general' });
    expect(preview.chain.map((t) => t.provider)).toEqual(['c', 'a', 'b', 'local']);
  });

  it('balanced: weight × health moves a provider with recent errors down', async () => {
    const h = harness({
      settings: withStrategy('balanced'),
      scripts: { a: [[{ fail: { kind: 'server' } }], ok('A')], b: [ok('B')], c: [ok('C')], local: [ok('L')] },
    });
    await h.send('hi', { provider: 'a' });
    const preview = h.router.preview({ messages: [{ role: 'user', content: 'hi' }], taskChoice: 'general' });
    expect(preview.chain.map((t) => t.provider)).toEqual(['b', 'c', 'a', 'local']);
  });
});
