/** What the Health panel's weight editor shows for a provider, and what it saves. */
import { describe, expect, it } from 'vitest';
import { weightRows, withWeights } from '../../../renderer/src/lib/route-weights.js';
import { expandWeightedGroups } from '../../../electron/main/core/router/strategies.js';
import { SettingsSchema } from '../../../shared/settings.js';

const settings = SettingsSchema.parse({
  providers: [
    { id: 'a', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' },
    { id: 'b', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' },
    { id: 'c', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' },
  ],
  routes: {
    general: [{ provider: 'a', model: 'm', weight: 3 }, { provider: 'b', model: 'm', weight: 1 }, { provider: 'c', model: 'm' }],
    code: [{ provider: 'c', model: 'm' }, { provider: 'a', model: 'm2', weight: 2 }],
    realtime: [{ provider: 'a', model: 'm' }],
  },
  taskTypes: { realtime: { strategy: 'fastest' } },
});

describe('route weights on the Health panel', () => {
  it('lists every route naming the provider, with what its weight does there', () => {
    expect(weightRows(settings, 'a')).toEqual([
      { task: 'general', index: 0, model: 'm', weight: 3, strategy: 'ordered', effect: 'first in about 75% of picks among its 2 weighted neighbours' },
      { task: 'code', index: 1, model: 'm2', weight: 2, strategy: 'ordered', effect: 'no effect until a target next to it has a weight too' },
      { task: 'realtime', index: 0, model: 'm', weight: undefined, strategy: 'fastest', effect: 'not used: this route tries the fastest target first' },
    ]);
    expect(weightRows(settings, 'nobody')).toEqual([]);
  });

  it('the share it states is the share the router draws', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let first = 0;
    for (let i = 0; i < 4000; i++) if (expandWeightedGroups(settings.routes.general ?? [], random)[0]?.provider === 'a') first++;
    expect(first / 4000).toBeGreaterThan(0.72);
    expect(first / 4000).toBeLessThan(0.78);
  });

  it('saves changed weights and removes cleared ones, leaving everything else as it was', () => {
    const next = withWeights(settings, [
      { task: 'general', index: 0, weight: 1 },
      { task: 'code', index: 1, weight: undefined },
    ]);
    expect(next.routes.general).toEqual([{ provider: 'a', model: 'm', weight: 1 }, { provider: 'b', model: 'm', weight: 1 }, { provider: 'c', model: 'm' }]);
    expect(next.routes.code).toEqual([{ provider: 'c', model: 'm' }, { provider: 'a', model: 'm2' }]);
    expect(next.routes.realtime).toBe(settings.routes.realtime);
    expect(weightRows(next, 'a')[0]?.effect).toBe('first in about 50% of picks among its 2 weighted neighbours');
    expect(SettingsSchema.safeParse(next).success).toBe(true);
    // The original is untouched: the store saves a new object.
    expect(settings.routes.general?.[0]?.weight).toBe(3);
  });
});
