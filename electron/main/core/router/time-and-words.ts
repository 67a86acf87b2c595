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

/** Today's and this month's keys, in local time. */
export function calendarKeys(now: number): CalendarKeys {
  return { day: dayKey(now), month: monthKey(now) };
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

export { seconds } from '../clock.js';
