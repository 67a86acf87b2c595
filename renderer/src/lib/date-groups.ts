/** The sidebar's sections: pinned first, then by the day of the latest activity, in the user's own time zone. */
import type { ConversationSummary } from '../../../shared/chat.js';

export type GroupName = 'Pinned' | 'Today' | 'Yesterday' | 'This week' | 'Earlier';

const DAY = 24 * 60 * 60 * 1000;

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function groupOf(c: Pick<ConversationSummary, 'updatedAt' | 'pinnedAt'>, now: number): GroupName {
  if (c.pinnedAt !== undefined) return 'Pinned';
  const today = startOfDay(now);
  if (c.updatedAt >= today) return 'Today';
  if (c.updatedAt >= startOfDay(today - DAY / 2)) return 'Yesterday';
  // "This week" is the last seven days, so a Monday still shows Saturday's chats there.
  if (c.updatedAt >= startOfDay(today - 6 * DAY)) return 'This week';
  return 'Earlier';
}

const ORDER: GroupName[] = ['Pinned', 'Today', 'Yesterday', 'This week', 'Earlier'];

/** Non-empty groups in order; pinned ones by when they were pinned, the rest newest first as given. */
export function groupConversations<T extends Pick<ConversationSummary, 'updatedAt' | 'pinnedAt'>>(list: readonly T[], now: number): { name: GroupName; items: T[] }[] {
  const groups = new Map<GroupName, T[]>(ORDER.map((name) => [name, []]));
  for (const c of list) groups.get(groupOf(c, now))?.push(c);
  groups.get('Pinned')?.sort((a, b) => (b.pinnedAt ?? 0) - (a.pinnedAt ?? 0));
  return ORDER.map((name) => ({ name, items: groups.get(name) ?? [] })).filter((g) => g.items.length > 0);
}
