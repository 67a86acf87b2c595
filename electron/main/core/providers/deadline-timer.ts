/**
 * A silence timer for streams that is cheap per chunk. Clearing and setting a
 * clock timer for every chunk was a measurable cost on the streaming path; here
 * a wait only moves a deadline, and the one pending clock timer, when it fires
 * early, re-arms itself for what is left.
 */
import type { Clock } from '../router/types.js';

export interface DeadlineTimer {
  /** Starts waiting: `onExpire` runs if `pause()` is not called within `ms`. */
  wait(ms: number): void;
  /** Not waiting on the provider (e.g. the consumer has the chunk): nothing fires. */
  pause(): void;
  /** Cancels the pending clock timer for good. */
  stop(): void;
}

export function deadlineTimer(clock: Clock, onExpire: () => void): DeadlineTimer {
  let waiting = false;
  let deadline = 0;
  let limit = 0;
  /** When the pending clock timer fires, if there is one. */
  let dueAt: number | undefined;
  let cancel: () => void = () => undefined;

  const schedule = (ms: number): void => {
    dueAt = clock.now() + ms;
    cancel = clock.setTimeout(fire, ms);
  };
  function fire(): void {
    dueAt = undefined;
    if (!waiting) return;
    const left = deadline - clock.now();
    // Capped by the limit so a wall clock set back cannot stretch a wait.
    if (left > 0) return schedule(Math.min(left, limit));
    waiting = false;
    onExpire();
  }

  return {
    wait(ms) {
      waiting = true;
      limit = ms;
      deadline = clock.now() + ms;
      // A pending timer due no later than the new deadline will re-arm itself.
      if (dueAt !== undefined && dueAt <= deadline) return;
      cancel();
      schedule(ms);
    },
    pause() {
      waiting = false;
    },
    stop() {
      waiting = false;
      dueAt = undefined;
      cancel();
    },
  };
}
