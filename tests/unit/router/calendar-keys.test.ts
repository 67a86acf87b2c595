import { describe, expect, it } from 'vitest';
import { calendarKeys } from '../../../electron/main/core/router/time-and-words.js';

describe('calendar keys for daily quotas and monthly budgets', () => {
  it('changes the day at local midnight and the month on the first', () => {
    const beforeMidnight = new Date(2026, 0, 31, 23, 59, 59, 999).getTime();
    expect(calendarKeys(beforeMidnight)).toEqual({ day: '2026-01-31', month: '2026-01' });
    expect(calendarKeys(beforeMidnight + 1)).toEqual({ day: '2026-02-01', month: '2026-02' });
  });

  it('follows a clock that is set back instead of keeping a later day', () => {
    expect(calendarKeys(new Date(2026, 5, 15, 12).getTime()).day).toBe('2026-06-15');
    expect(calendarKeys(new Date(2026, 5, 14, 23).getTime()).day).toBe('2026-06-14');
    expect(calendarKeys(new Date(2026, 5, 15, 0, 0).getTime()).day).toBe('2026-06-15');
  });
});
