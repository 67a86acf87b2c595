/** Calendar keys in local time and the short forms used in skip reasons. */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function dayKey(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function monthKey(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

export interface CalendarKeys {
  day: string;
  month: string;
}

let calendar: { keys: CalendarKeys; from: number; until: number } | undefined;

/**
 * Today's and this month's keys. Local-time date maths costs microseconds that
 * every message paid before its request went out; the keys only change at local
 * midnight, so they are reused for as long as `now` stays within the same day.
 */
export function calendarKeys(now: number): CalendarKeys {
  if (calendar && now >= calendar.from && now < calendar.until) return calendar.keys;
  const d = new Date(now);
  const from = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  calendar = { keys: { day: dayKey(now), month: monthKey(now) }, from, until: nextLocalMidnight(now) };
  return calendar.keys;
}

/** Quotas without a reset time from the provider renew at local midnight. */
export function nextLocalMidnight(now: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** "14:03:21" in local time: the user reads these in the trace. */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** "40k" for 40 123; small counts stay exact. */
export function kTokens(n: number): string {
  return n >= 1000 ? `${Math.round(n / 1000)}k` : String(n);
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}
