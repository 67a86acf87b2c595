import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/chat.js';
import {
  applyAttempt,
  applyDeltas,
  applyFallback,
  applyFinal,
  applyLoaded,
  applyOlder,
  applyRemoved,
  applySent,
  FIRST_INDEX,
  emptyChatData,
  itemsOf,
  streamingIdOf,
} from '../../../renderer/src/store/chat-data.js';
import { createChatStore } from '../../../renderer/src/store/chat-store.js';
import { CallError, type Client } from '../../../renderer/src/client/client.js';
import { fallbacksOf } from '../../../renderer/src/lib/fallbacks.js';

const user: Message = { id: 'u1', conversationId: 'c', role: 'user', text: 'hi', createdAt: 1, status: 'done' };
const batch = (id: string, text: string) => new Map([[id, { conversationId: 'c', text }]]);

describe('applying chat events', () => {
  it('shows the user message before its answer even when the answer streamed first', () => {
    let data = applyAttempt(emptyChatData, { conversationId: 'c', messageId: 'a1', provider: 'openai', model: 'gpt' }, 5);
    data = applyDeltas(data, batch('a1', 'Hel'), 5);
    data = applySent(data, user, 'a1', 6);
    expect(itemsOf(data, 'c').map((i) => [i.message.role, i.message.text])).toEqual([
      ['user', 'hi'],
      ['assistant', 'Hel'],
    ]);
    expect(data.items.a1?.message.provider).toBe('openai');
    expect(streamingIdOf(data, 'c')).toBe('a1');
  });

  it('a hedge starting does not take the answer from the provider it races', () => {
    let data = applyAttempt(emptyChatData, { conversationId: 'c', messageId: 'a1', provider: 'openai', model: 'gpt' }, 5);
    data = applyAttempt(data, { conversationId: 'c', messageId: 'a1', provider: 'groq', model: 'llama', hedge: true }, 6);
    expect(data.items.a1?.message).toMatchObject({ provider: 'openai', model: 'gpt' });
    // A fallback after a failure does move the answer on.
    data = applyAttempt(data, { conversationId: 'c', messageId: 'a1', provider: 'local', model: 'llama3.2' }, 7);
    expect(data.items.a1?.message.provider).toBe('local');
  });

  it('touches only the streaming item, so other rows keep their identity', () => {
    const data = applySent(emptyChatData, user, 'a1', 1);
    const next = applyDeltas(data, batch('a1', 'x'), 1);
    expect(next.items.u1).toBe(data.items.u1);
    expect(next.items.a1).not.toBe(data.items.a1);
  });

  it('ignores deltas that arrive after the message ended', () => {
    let data = applySent(emptyChatData, user, 'a1', 1);
    data = applyFinal(data, { id: 'a1', conversationId: 'c', role: 'assistant', text: 'done.', createdAt: 1, status: 'done' });
    data = applyDeltas(data, batch('a1', ' late'), 1);
    expect(data.items.a1?.message.text).toBe('done.');
  });

  it('records fallbacks and keeps them when the final message lands', () => {
    let data = applySent(emptyChatData, user, 'a1', 1);
    data = applyFallback(data, { conversationId: 'c', messageId: 'a1', from: 'openai', to: 'groq', reason: 'rate limited' }, 1);
    data = applyFinal(data, { id: 'a1', conversationId: 'c', role: 'assistant', text: 'ok', createdAt: 1, status: 'done' });
    expect(data.items.a1?.fallbacks).toEqual([{ from: 'openai', to: 'groq', reason: 'rate limited' }]);
  });

  it('keeps live text of a still-streaming answer when the conversation is reloaded', () => {
    let data = applySent(emptyChatData, user, 'a1', 1);
    data = applyDeltas(data, batch('a1', 'streamed so far'), 1);
    const stored: Message = { id: 'a1', conversationId: 'c', role: 'assistant', text: '', createdAt: 1, status: 'streaming' };
    data = applyLoaded(data, 'c', [user, stored], false);
    expect(data.items.a1?.message.text).toBe('streamed so far');
  });

  it('derives fallbacks from attempts after a reload', () => {
    const message: Message = {
      id: 'a1',
      conversationId: 'c',
      role: 'assistant',
      text: 'ok',
      createdAt: 1,
      status: 'done',
      attempts: [
        { provider: 'openai', model: 'm', outcome: 'error', errorKind: 'rate_limited', startedAt: 0, ms: 10 },
        { provider: 'ollama', model: 'llama3.2', outcome: 'ok', startedAt: 10, ms: 50 },
      ],
    };
    expect(fallbacksOf(message, [])).toEqual([{ from: 'openai', to: 'ollama', reason: 'Rate limited by the provider' }]);
  });
});

describe('sending', () => {
  it('keeps the error in words when chat.send fails, and sends nothing to the list', async () => {
    const client: Pick<Client, 'call'> = {
      call: () => Promise.reject(new CallError('text: type a message first', 'invalid_input')),
    };
    const store = createChatStore(client, { schedule: () => {} });
    const ok = await store.getState().send({ text: '  ', taskType: 'auto' });
    expect(ok).toBe(false);
    expect(store.getState().sendError).toBe('text: type a message first');
    expect(store.getState().sending).toBe(false);
  });

  it('opens the new conversation with the user message shown at once', async () => {
    const client = {
      call: (name: string) => {
        if (name !== 'chat.send') throw new Error(name);
        return Promise.resolve({ conversationId: 'c', userMessage: user, assistantMessageId: 'a1' });
      },
    } as unknown as Pick<Client, 'call'>;
    const store = createChatStore(client, { schedule: () => {}, now: () => 3 });
    expect(await store.getState().send({ text: 'hi', taskType: 'auto' })).toBe(true);
    const s = store.getState();
    expect(s.current).toBe('c');
    expect(itemsOf(s, 'c').map((i) => [i.message.role, i.message.status])).toEqual([
      ['user', 'done'],
      ['assistant', 'streaming'],
    ]);
  });
});

const msg = (i: number): Message => ({ id: `m${i}`, conversationId: 'c', role: i % 2 ? 'assistant' : 'user', text: `t${i}`, createdAt: i, status: 'done' });
const range = (from: number, to: number): Message[] => Array.from({ length: to - from }, (_, k) => msg(from + k));
const ids = (from: number, to: number): string[] => range(from, to).map((m) => m.id);

describe('paging a long conversation', () => {
  it('puts older pages before the loaded messages, the first index falling by each page', () => {
    let data = applyLoaded(emptyChatData, 'c', range(200, 300), true);
    expect(data.paging.c).toEqual({ hasOlder: true, hasNewer: false, firstIndex: FIRST_INDEX, window: 0 });
    data = applyOlder(data, 'c', range(100, 200), true);
    expect(data.order.c).toEqual(ids(100, 300));
    expect(data.paging.c).toEqual({ hasOlder: true, hasNewer: false, firstIndex: FIRST_INDEX - 100, window: 0 });
    // A page that overlaps what is loaded adds only what is new.
    data = applyOlder(data, 'c', range(0, 150), false);
    expect(data.order.c).toEqual(ids(0, 300));
    expect(data.paging.c).toEqual({ hasOlder: false, hasNewer: false, firstIndex: FIRST_INDEX - 200, window: 0 });
  });

  it('keeps the pages read before when the conversation is opened again, and its array when nothing changed', () => {
    let data = applyLoaded(emptyChatData, 'c', range(200, 300), true);
    data = applyOlder(data, 'c', range(100, 200), true);
    const before = data.order.c;
    data = applyLoaded(data, 'c', range(200, 300), true);
    expect(data.order.c).toBe(before);
    expect(data.paging.c).toEqual({ hasOlder: true, hasNewer: false, firstIndex: FIRST_INDEX - 100, window: 0 });
    // Two messages came from elsewhere (the CLI): the latest page moved on, the older ones stay.
    data = applyLoaded(data, 'c', range(202, 302), true);
    expect(data.order.c).toEqual(ids(100, 302));
  });

  it('drops a deleted message and nothing else', () => {
    let data = applyLoaded(emptyChatData, 'c', range(0, 4), false);
    data = applyRemoved(data, 'c', 'm1');
    expect(data.order.c).toEqual(['m0', 'm2', 'm3']);
    expect(data.items.m1).toBeUndefined();
    expect(applyRemoved(data, 'c', 'nope')).toBe(data);
  });
});

describe('opening and paging through the store', () => {
  function pagedClient(total: number) {
    const calls: { name: string; input: Record<string, unknown> }[] = [];
    const all = range(0, total);
    const client = {
      call: (name: string, input: Record<string, unknown>) => {
        calls.push({ name, input });
        if (name === 'conversations.get') return Promise.resolve({ conversation: {}, messages: all.slice(-100), hasOlder: total > 100 });
        if (name === 'conversations.page') {
          const end = all.findIndex((m) => m.id === input.before);
          const start = Math.max(0, end - Number(input.limit));
          return Promise.resolve({ messages: all.slice(start, end), hasOlder: start > 0 });
        }
        throw new Error(name);
      },
    } as unknown as Pick<Client, 'call'>;
    return { client, calls };
  }

  it('opens at the latest page, reads older pages one at a time, and stops at the first message', async () => {
    const { client, calls } = pagedClient(250);
    const store = createChatStore(client, { schedule: () => {} });
    await store.getState().open('c');
    expect(store.getState().order.c).toEqual(ids(150, 250));
    // Two scrolls to the top in quick succession read one page, not two.
    await Promise.all([store.getState().loadOlder('c'), store.getState().loadOlder('c')]);
    expect(calls.filter((c) => c.name === 'conversations.page')).toHaveLength(1);
    expect(store.getState().order.c).toEqual(ids(50, 250));
    await store.getState().loadOlder('c');
    await store.getState().loadOlder('c');
    expect(store.getState().order.c).toEqual(ids(0, 250));
    expect(calls.filter((c) => c.name === 'conversations.page')).toHaveLength(2);
  });
});
