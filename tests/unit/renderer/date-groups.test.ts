import { describe, expect, it } from 'vitest';
import { groupConversations, groupOf } from '../../../renderer/src/lib/date-groups.js';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
const NOW = at(2026, 3, 11, 9); // a Wednesday morning

describe('conversation date groups', () => {
  it('today, yesterday, the last seven days and earlier, by local calendar day', () => {
    expect(groupOf({ updatedAt: at(2026, 3, 11, 0) }, NOW)).toBe('Today');
    expect(groupOf({ updatedAt: at(2026, 3, 10, 23) }, NOW)).toBe('Yesterday');
    expect(groupOf({ updatedAt: at(2026, 3, 10, 0) }, NOW)).toBe('Yesterday');
    expect(groupOf({ updatedAt: at(2026, 3, 5, 1) }, NOW)).toBe('This week');
    expect(groupOf({ updatedAt: at(2026, 3, 4, 23) }, NOW)).toBe('Earlier');
  });

  it('pinned first, most recently pinned on top, whatever their age; empty groups left out', () => {
    const list = [
      { id: 'a', updatedAt: at(2026, 3, 11) },
      { id: 'b', updatedAt: at(2025, 1, 1), pinnedAt: 5 },
      { id: 'c', updatedAt: at(2026, 3, 1) },
      { id: 'd', updatedAt: at(2026, 3, 11), pinnedAt: 9 },
    ];
    expect(groupConversations(list, NOW).map((g) => [g.name, g.items.map((c) => c.id)])).toEqual([
      ['Pinned', ['d', 'b']],
      ['Today', ['a']],
      ['Earlier', ['c']],
    ]);
  });
});
