import { describe, expect, it } from 'vitest';
import { hedgeDelay } from '../../../electron/main/core/router/hedge.js';
import { fail, harness, makeSettings, ok } from './fakes.js';

const price = () => ({ inputUsdPerMTok: 1, outputUsdPerMTok: 1 });

describe('hedging for realtime', () => {
  it('starts the next target when the primary is slow; the first token wins and the loser is aborted and billed', async () => {
    const h = harness({
      price,
      scripts: {
        a: [[{ open: {} }, { wait: 3_000 }, { text: 'slow' }, { done: null }]],
        b: [[{ open: {} }, { wait: 100 }, { text: 'fast' }, { done: { inputTokens: 8, outputTokens: 1 } }]],
        local: [ok('L')],
      },
    });
    const r = await h.send('hi', { taskChoice: 'realtime' });
    expect(r.text).toBe('fast');
    expect(h.texts).toEqual(['fast']);
    expect(r.provider).toBe('b');
    // Default delay 1 s (no p90 yet), then 100 ms for b's first token.
    expect(r.ttftMs).toBe(1_100);
    expect(h.adapters.a?.signals[0]?.aborted).toBe(true);
    expect(r.attempts.map((a) => [a.provider, a.outcome, a.hedge])).toEqual([
      ['a', 'hedge_lost', undefined],
      ['b', 'ok', true],
    ]);
    const lost = r.attempts[0];
    expect(lost?.costUsd).toBeGreaterThan(0);
    expect(r.costUsd).toBeCloseTo((lost?.costUsd ?? 0) + 9 / 1e6);
  });

  it('does not hedge when the primary answers before the delay', async () => {
    const h = harness({ scripts: { a: [[{ open: {} }, { wait: 200 }, { text: 'quick' }, { done: null }]], b: [ok('B')], local: [ok('L')] } });
    const r = await h.send('hi', { taskChoice: 'realtime' });
    expect(r.provider).toBe('a');
    expect(h.adapters.b?.requests).toHaveLength(0);
    expect(r.attempts).toHaveLength(1);
  });

  it('the primary can still win after the hedge started; then the hedge is the one aborted', async () => {
    const h = harness({
      scripts: {
        a: [[{ open: {} }, { wait: 1_200 }, { text: 'primary' }, { done: null }]],
        b: [[{ open: {} }, { wait: 900 }, { text: 'hedge' }, { done: null }]],
        local: [ok('L')],
      },
    });
    const r = await h.send('hi', { taskChoice: 'realtime' });
    expect(r.text).toBe('primary');
    expect(r.attempts.map((a) => [a.provider, a.outcome, a.hedge])).toEqual([
      ['a', 'ok', undefined],
      ['b', 'hedge_lost', true],
    ]);
    expect(h.adapters.b?.signals[0]?.aborted).toBe(true);
  });

  it('if the primary fails after the hedge started, the hedge carries on', async () => {
    const h = harness({
      scripts: {
        a: [[{ open: {} }, { wait: 1_500 }, { fail: { kind: 'server' } }]],
        b: [[{ open: {} }, { wait: 1_000 }, { text: 'hedge' }, { done: null }]],
        local: [ok('L')],
      },
    });
    const r = await h.send('hi', { taskChoice: 'realtime' });
    expect(r.text).toBe('hedge');
    expect(r.attempts.map((a) => [a.provider, a.outcome])).toEqual([
      ['a', 'error'],
      ['b', 'ok'],
    ]);
  });

  it('a hedge that lost the race keeps its place: when the winner breaks, it is asked to continue', async () => {
    const h = harness({
      scripts: {
        // First token at 1.2 s (after the 1 s hedge delay, before the hedge's), then a server error.
        a: [[{ open: {} }, { wait: 1_200 }, { text: 'The answer ' }, { wait: 50 }, { fail: { kind: 'server' } }]],
        b: [
          [{ open: {} }, { wait: 500 }, { text: 'too late' }, { done: null }],
          [{ open: {} }, { text: 'is 42.' }, { done: null }],
        ],
        local: [ok('L')],
      },
    });
    const r = await h.send('hi', { taskChoice: 'realtime' });
    expect(r.attempts.map((a) => [a.provider, a.outcome])).toEqual([
      ['a', 'error'],
      ['b', 'hedge_lost'],
      ['b', 'ok'],
    ]);
    expect(r.text).toBe('The answer is 42.');
    expect(h.adapters.b?.requests[1]?.continueFrom).toBe('The answer ');
    expect(h.adapters.local?.requests).toHaveLength(0);
  });

  it('if the primary fails before the delay, the would-be hedge is simply the next target', async () => {
    const h = harness({ scripts: { a: [fail('server')], b: [ok('B')], local: [ok('L')] } });
    const r = await h.send('hi', { taskChoice: 'realtime' });
    expect(r.provider).toBe('b');
    expect(r.attempts.map((a) => [a.provider, a.hedge])).toEqual([
      ['a', undefined],
      ['b', undefined],
    ]);
  });

  it('is opt-in for other task types, with a fixed delay', async () => {
    const settings = makeSettings(['a', 'b'], { taskTypes: { general: { strategy: 'ordered', hedge: { enabled: true, delayMs: 300 } } } });
    const h = harness({
      settings,
      scripts: { a: [[{ open: {} }, { wait: 5_000 }, { text: 'slow' }, { done: null }]], b: [[{ open: {} }, { text: 'b' }, { done: null }]], local: [ok('L')] },
    });
    const r = await h.send();
    expect(r.provider).toBe('b');
    expect(r.ttftMs).toBe(300);
  });

  it('waits for the primary’s p90 time to first token, clamped to 150–2000 ms', () => {
    expect(hedgeDelay(undefined, undefined)).toBe(1_000);
    expect(hedgeDelay(undefined, 40)).toBe(150);
    expect(hedgeDelay(undefined, 700)).toBe(700);
    expect(hedgeDelay(undefined, 9_000)).toBe(2_000);
    expect(hedgeDelay(500, 9_000)).toBe(500);
  });

  it('uses the measured p90 of the primary as the delay', async () => {
    const h = harness({
      scripts: {
        a: [
          [{ open: {} }, { wait: 400 }, { text: 'x' }, { done: null }],
          [{ open: {} }, { wait: 900 }, { text: 'late' }, { done: null }],
        ],
        b: [[{ open: {} }, { text: 'b' }, { done: null }]],
        local: [ok('L')],
      },
    });
    await h.send('hi', { taskChoice: 'realtime' });
    const r = await h.send('hi', { taskChoice: 'realtime' });
    expect(r.provider).toBe('b');
    expect(r.ttftMs).toBe(400);
  });
});
