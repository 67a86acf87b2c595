/** Opening a conversation at a search hit far back: the window around it, paged both ways, and back to the latest. */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/chat.js';
import { applyDeltas, applyLoaded, applySent, applyWindow, emptyChatData, FIRST_INDEX } from '../../../renderer/src/store/chat-data.js';
import { createChatStore } from '../../../renderer/src/store/chat-store.js';
import { CallError, type Client } from '../../../renderer/src/client/client.js';

const msg = (i: number): Message => ({ id: `m${i}`, conversationId: 'c', role: i % 2 ? 'assistant' : 'user', text: `t${i}`, createdAt: i, status: 'done' });
const range = (from: number, to: number): Message[] => Array.from({ length: to - from }, (_, k) => msg(from + k));
const ids = (from: number, to: number): string[] => range(from, to).map((m) => m.id);

/** Main's three reads over one conversation of `total` messages, as the store asks for them. */
function conversationOf(total: number) {
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const all = range(0, total);
  const at = (id: unknown) => all.findIndex((m) => m.id === id);
  const client = {
    call: (name: string, input: Record<string, unknown>) => {
      calls.push({ name, input });
      if (name === 'conversations.get') return Promise.resolve({ conversation: {}, messages: all.slice(-100), hasOlder: total > 100 });
      if (name === 'conversations.page') {
        const end = at(input.before);
        const start = Math.max(0, end - Number(input.limit));
        return Promise.resolve({ messages: all.slice(start, end), hasOlder: start > 0 });
      }
      if (name === 'conversations.pageAround') {
        const i = at(input.messageId);
        if (i < 0) return Promise.reject(new CallError('That message is no longer in this conversation.', 'internal'));
        const start = Math.max(0, i - Number(input.before));
        const end = Math.min(total, i + Number(input.after) + 1);
        return Promise.resolve({ messages: all.slice(start, end), hasOlder: start > 0, hasNewer: end < total });
      }
      throw new Error(name);
    },
  } as unknown as Pick<Client, 'call'>;
  return { client, calls, count: (name: string) => calls.filter((c) => c.name === name).length };
}

describe('a window around one message', () => {
  it('replaces what was loaded and starts the list over; the latest page again starts it over once more', () => {
    let data = applyLoaded(emptyChatData, 'c', range(2900, 3000), true);
    data = applyWindow(data, 'c', range(0, 101), false, true);
    expect(data.order.c).toEqual(ids(0, 101));
    expect(data.paging.c).toEqual({ hasOlder: false, hasNewer: true, firstIndex: FIRST_INDEX, window: 1 });
    data = applyLoaded(data, 'c', range(2900, 3000), true);
    expect(data.order.c).toEqual(ids(2900, 3000));
    expect(data.paging.c).toEqual({ hasOlder: true, hasNewer: false, firstIndex: FIRST_INDEX, window: 2 });
  });

  it('keeps a window far back free of an answer streaming at the end; a message sent from there starts the list at the new turn', () => {
    let data = applyWindow(emptyChatData, 'c', range(0, 101), false, true);
    data = applyDeltas(data, new Map([['a9', { conversationId: 'c', text: 'Hi' }]]), 5);
    expect(data.order.c).toEqual(ids(0, 101));
    expect(data.items.a9?.message.text).toBe('Hi');
    const user: Message = { id: 'u9', conversationId: 'c', role: 'user', text: 'new', createdAt: 9, status: 'done' };
    data = applySent(data, user, 'a10', 10);
    expect(data.order.c).toEqual(['u9', 'a10']);
    expect(data.paging.c).toMatchObject({ hasOlder: true, hasNewer: false, window: 2 });
  });
});

describe('jumping through the store', () => {
  it('reads only the window around a hit far back, then pages down to the latest', async () => {
    const { client, count } = conversationOf(3000);
    const store = createChatStore(client, { schedule: () => {} });
    await store.getState().jumpTo('c', 'm50');
    const s = store.getState();
    expect([s.current, s.focusMessage]).toEqual(['c', 'm50']);
    expect(s.order.c).toEqual(ids(0, 101));
    expect(count('conversations.get')).toBe(0);

    // Two scrolls to the bottom in quick succession read one page, not two.
    await Promise.all([store.getState().loadNewer('c'), store.getState().loadNewer('c')]);
    expect(count('conversations.pageAround')).toBe(2);
    expect(store.getState().order.c).toEqual(ids(0, 201));
    for (let i = 0; i < 40 && store.getState().paging.c?.hasNewer; i++) await store.getState().loadNewer('c');
    expect(store.getState().order.c).toEqual(ids(0, 3000));
    expect(store.getState().paging.c?.hasNewer).toBe(false);
    await store.getState().loadNewer('c');
    // The hit's window and 29 pages below it; none once the latest is in.
    expect(count('conversations.pageAround')).toBe(30);
  });

  it('pages up from a hit in the middle, and "Jump to latest" loads the latest page in its place', async () => {
    const { client } = conversationOf(3000);
    const store = createChatStore(client, { schedule: () => {} });
    await store.getState().jumpTo('c', 'm1500');
    expect(store.getState().order.c).toEqual(ids(1450, 1551));
    await store.getState().loadOlder('c');
    expect(store.getState().order.c).toEqual(ids(1350, 1551));
    expect(store.getState().paging.c).toMatchObject({ hasOlder: true, hasNewer: true, firstIndex: FIRST_INDEX - 100 });
    const window = store.getState().paging.c?.window;
    await store.getState().showLatest('c');
    expect(store.getState().order.c).toEqual(ids(2900, 3000));
    expect(store.getState().paging.c).toMatchObject({ hasOlder: true, hasNewer: false, window: (window ?? 0) + 1 });
  });

  it('opens a hit already loaded (a recent message) without reading a window', async () => {
    const { client, count } = conversationOf(3000);
    const store = createChatStore(client, { schedule: () => {} });
    await store.getState().open('c');
    store.getState().newChat();
    await store.getState().jumpTo('c', 'm2990');
    expect([store.getState().current, store.getState().focusMessage]).toEqual(['c', 'm2990']);
    expect(count('conversations.pageAround')).toBe(0);
    expect(store.getState().order.c).toEqual(ids(2900, 3000));
  });

  it('says in words why a hit could not be opened, and asks the view for nothing', async () => {
    const { client } = conversationOf(300);
    const store = createChatStore(client, { schedule: () => {} });
    await store.getState().jumpTo('c', 'gone');
    expect(store.getState().loadError).toBe('That message is no longer in this conversation.');
    expect(store.getState().focusMessage).toBeUndefined();
  });
});
