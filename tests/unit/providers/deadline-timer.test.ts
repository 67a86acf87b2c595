import { describe, expect, it } from 'vitest';
import { deadlineTimer } from '../../../electron/main/core/providers/deadline-timer.js';
import type { Clock } from '../../../electron/main/core/router/types.js';
import { manualClock } from '../manual-clock.js';

/** A manual clock that also counts the timers set on it and whether they were unref'd. */
function countingClock() {
  const { clock, advance } = manualClock();
  const set: { ms: number; unref: boolean }[] = [];
  const counting: Clock = {
    now: clock.now,
    setTimeout: (fn, ms, options) => {
      set.push({ ms, unref: options?.unref === true });
      return clock.setTimeout(fn, ms);
    },
  };
  return { clock: counting, advance, set };
}

describe('stream silence timers', () => {
  it('fires only after the whole wait, and not at all once paused', () => {
    const { clock, advance } = countingClock();
    const fired: string[] = [];
    const a = deadlineTimer(clock, () => fired.push('a'));
    a.wait(100);
    advance(99);
    expect(fired).toEqual([]);
    advance(1);
    expect(fired).toEqual(['a']);

    const b = deadlineTimer(clock, () => fired.push('b'));
    b.wait(100);
    advance(50);
    b.pause();
    advance(500);
    expect(fired).toEqual(['a']);
  });

  it('moves the deadline on each wait, so a stream that keeps talking never times out', () => {
    const { clock, advance } = countingClock();
    let fired = 0;
    const t = deadlineTimer(clock, () => fired++);
    for (let i = 0; i < 10; i++) {
      t.wait(100);
      advance(80);
      t.pause();
    }
    t.wait(100);
    advance(99);
    expect(fired).toBe(0);
    advance(1);
    expect(fired).toBe(1);
  });

  it('keeps each stream to its own deadline when several share a clock', () => {
    const { clock, advance } = countingClock();
    const fired: string[] = [];
    const slow = deadlineTimer(clock, () => fired.push('slow'));
    const fast = deadlineTimer(clock, () => fired.push('fast'));
    slow.wait(300);
    advance(10);
    fast.wait(50);
    advance(50);
    expect(fired).toEqual(['fast']);
    advance(239);
    expect(fired).toEqual(['fast']);
    advance(1);
    expect(fired).toEqual(['fast', 'slow']);
  });

  it('sets no timer per request once one is pending, and never one that keeps the process alive', () => {
    const { clock, advance, set } = countingClock();
    for (let i = 0; i < 20; i++) {
      const t = deadlineTimer(clock, () => undefined);
      t.wait(10_000);
      advance(2);
      t.stop();
      advance(3);
    }
    expect(set).toHaveLength(1);
    expect(set.every((s) => s.unref)).toBe(true);
    let fired = 0;
    const late = deadlineTimer(clock, () => fired++);
    late.wait(10_000);
    // The pending timer was set for the first request: it goes off 100 ms early for
    // this one, finds nothing due, and re-arms for what is left.
    advance(9_900);
    expect(fired).toBe(0);
    expect(set).toHaveLength(2);
    advance(100);
    expect(fired).toBe(1);
  });

  it('does not fire for a stream that stopped, even when the shared timer goes off', () => {
    const { clock, advance } = countingClock();
    let fired = 0;
    const t = deadlineTimer(clock, () => fired++);
    t.wait(100);
    t.stop();
    advance(1_000);
    expect(fired).toBe(0);
  });
});
