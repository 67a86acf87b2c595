import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/chat.js';
import {
  applyAttempt,
  applyDeltas,
  applyFallback,
  applyFinal,
  applyLoaded,
  applySent,
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
    data = applyLoaded(data, 'c', [user, stored]);
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
