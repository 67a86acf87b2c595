import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Client } from '../../../renderer/src/client/client.js';
import type { ConversationSummary } from '../../../shared/chat.js';
import { createConversationsStore, UNDO_MS } from '../../../renderer/src/store/conversations-store.js';

const chat = (id: string, updatedAt: number): ConversationSummary => ({ id, title: `Chat ${id}`, createdAt: 1, updatedAt, messageCount: 2 });

/** Answers like main: the list holds what was not deleted yet. */
function fakeMain() {
  let list = [chat('a', 3), chat('b', 2)];
  const deletes: string[] = [];
  const client: Pick<Client, 'call'> = {
    call: (async (name: string, args: { id: string }) => {
      if (name === 'conversations.list') return list;
      if (name === 'conversations.delete') {
        deletes.push(args.id);
        list = list.filter((c) => c.id !== args.id);
        return { deleted: true };
      }
      throw new Error(`unexpected ${name}`);
    }) as Client['call'],
  };
  return { client, deletes };
}

describe('delete with undo', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hides the conversation at once and deletes it only when the undo time is over', async () => {
    const main = fakeMain();
    const store = createConversationsStore(main.client);
    await store.getState().refresh();
    store.getState().remove('a', true);
    expect(store.getState().list.map((c) => c.id)).toEqual(['b']);
    // A refresh in the meantime (an answer elsewhere finished) keeps it hidden.
    await store.getState().refresh();
    expect(store.getState().list.map((c) => c.id)).toEqual(['b']);
    await vi.advanceTimersByTimeAsync(UNDO_MS - 10);
    expect(main.deletes).toEqual([]);
    await vi.advanceTimersByTimeAsync(20);
    expect(main.deletes).toEqual(['a']);
    expect(store.getState().pendingDelete).toBeUndefined();
  });

  it('brings it back with Undo, in its place, and never deletes it', async () => {
    const main = fakeMain();
    const store = createConversationsStore(main.client);
    await store.getState().refresh();
    store.getState().remove('a', true);
    expect(store.getState().undoDelete()).toEqual({ id: 'a', wasOpen: true });
    expect(store.getState().list.map((c) => c.id)).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(UNDO_MS * 2);
    expect(main.deletes).toEqual([]);
  });

  it('sends an earlier pending delete at once when another one starts', async () => {
    const main = fakeMain();
    const store = createConversationsStore(main.client);
    await store.getState().refresh();
    store.getState().remove('a');
    store.getState().remove('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(main.deletes).toEqual(['a']);
    expect(store.getState().pendingDelete?.id).toBe('b');
  });

  it('adds a conversation changed in main before the list had it (pinned right after its first message)', async () => {
    const main = fakeMain();
    const store = createConversationsStore(main.client);
    await store.getState().refresh();
    store.getState().onUpdated({ ...chat('new', 9), providerPin: 'beta' });
    expect(store.getState().list.map((c) => c.id)).toEqual(['new', 'a', 'b']);
    expect(store.getState().list[0]?.providerPin).toBe('beta');
  });
});
