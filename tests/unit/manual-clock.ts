/**
 * A clock that only moves when the test says so. `advance` is synchronous: it moves
 * time and fires the timers that are then due, in the order they were set. For a clock
 * that also lets promises settle between timers, see FakeClock in router/fakes.ts.
 */
import type { Clock } from '../../electron/main/core/router/types.js';

export function manualClock(): { clock: Clock; advance: (ms: number) => void } {
  let now = 0;
  let timers: { at: number; fn: () => void; live: boolean }[] = [];
  const clock: Clock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const timer = { at: now + ms, fn, live: true };
      timers.push(timer);
      return () => {
        timer.live = false;
      };
    },
  };
  const advance = (ms: number): void => {
    now += ms;
    const due = timers.filter((t) => t.live && t.at <= now);
    timers = timers.filter((t) => !due.includes(t));
    for (const t of due) t.fn();
  };
  return { clock, advance };
}
