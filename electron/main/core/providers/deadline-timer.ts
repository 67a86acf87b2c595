/**
 * Silence timers for streams that cost almost nothing per request and per chunk.
 * A wait only moves a deadline. All streams on one clock share a single clock
 * timer, due at the earliest deadline among them; when it fires it expires what
 * is due and re-arms for the next. That timer is left pending (unref'd) when the
 * last stream ends, so the next request finds it armed and sets no timer of its
 * own: a timer set and cleared per request ran Node's timer code before every
 * request went out.
 */
import type { Clock } from '../router/types.js';

export interface DeadlineTimer {
  /** Starts waiting: `onExpire` runs if `pause()` is not called within `ms`. */
  wait(ms: number): void;
  /** Not waiting on the provider (e.g. the consumer has the chunk): nothing fires. */
  pause(): void;
  /** Done with this timer for good. */
  stop(): void;
}

interface Waiter {
  deadline: number;
  /** The wait's length, which caps a re-arm so a wall clock set back cannot stretch a wait. */
  limit: number;
  onExpire: () => void;
}

interface Alarm {
  waiting: Set<Waiter>;
  /** When the pending clock timer fires, if there is one. */
  dueAt: number | undefined;
  cancel: () => void;
}

const alarms = new WeakMap<Clock, Alarm>();

function alarmOf(clock: Clock): Alarm {
  let alarm = alarms.get(clock);
  if (!alarm) {
    alarm = { waiting: new Set(), dueAt: undefined, cancel: () => undefined };
    alarms.set(clock, alarm);
  }
  return alarm;
}

/**
 * Makes sure the clock timer fires within `ms`. A pending one due by then is kept:
 * it re-arms for whatever is left when it fires. One due later than that is
 * replaced, which happens only when a shorter wait starts than any pending.
 */
function armWithin(clock: Clock, alarm: Alarm, ms: number): void {
  const at = clock.now() + ms;
  if (alarm.dueAt !== undefined && alarm.dueAt <= at) return;
  alarm.cancel();
  alarm.dueAt = at;
  // Unref'd: a timer nobody waits on any more must not keep the CLI alive. A stream
  // that is waited on keeps the process alive through its own socket.
  alarm.cancel = clock.setTimeout(() => fire(clock, alarm), ms, { unref: true });
}

function fire(clock: Clock, alarm: Alarm): void {
  alarm.dueAt = undefined;
  alarm.cancel = () => undefined;
  const now = clock.now();
  let next = Infinity;
  for (const w of alarm.waiting) {
    const left = w.deadline - now;
    if (left <= 0) {
      alarm.waiting.delete(w);
      w.onExpire();
    } else {
      next = Math.min(next, left, w.limit);
    }
  }
  if (next !== Infinity) armWithin(clock, alarm, next);
}

export function deadlineTimer(clock: Clock, onExpire: () => void): DeadlineTimer {
  const alarm = alarmOf(clock);
  const waiter: Waiter = { deadline: 0, limit: 0, onExpire };
  const leave = (): void => {
    alarm.waiting.delete(waiter);
  };
  return {
    wait(ms) {
      waiter.limit = ms;
      waiter.deadline = clock.now() + ms;
      alarm.waiting.add(waiter);
      armWithin(clock, alarm, ms);
    },
    pause: leave,
    stop: leave,
  };
}
