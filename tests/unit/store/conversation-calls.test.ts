/** The contract's conversation calls as the hosts run them: input checked against the schema, then the store. */
import { describe, expect, it } from 'vitest';
import { parseCallInput } from '../../../shared/contract/index.js';
import { chatHandlers } from '../../../electron/main/core/handlers/chat-handlers.js';
import type { ChatService } from '../../../electron/main/core/chat/chat-service.js';
import { freshStorage, message } from './helpers.js';

function calls() {
  const s = freshStorage();
  const handlers = chatHandlers({ chat: {} as ChatService, conversations: s.conversations, search: s.search });
  const c = s.conversations.create('paged', 1);
  for (let i = 0; i < 150; i++) s.conversations.putMessage(message(c.id, `m${i}`, `line ${i} 数据`, { createdAt: i }));
  return { s, handlers, id: c.id, ctx: { senderId: 1 } };
}

describe('conversation calls', () => {
  it('get gives the latest 100 oldest first with hasOlder; page goes back from a message', async () => {
    const { handlers, id, ctx } = calls();
    const got = await handlers['conversations.get'](parseCallInput('conversations.get', { id }), ctx);
    expect([got.messages.length, got.messages[0]!.id, got.hasOlder]).toEqual([100, 'm50', true]);
    const page = await handlers['conversations.page'](parseCallInput('conversations.page', { id, before: 'm50' }), ctx);
    expect([page.messages.length, page.messages[0]!.id, page.messages.at(-1)!.id, page.hasOlder]).toEqual([50, 'm0', 'm49', false]);
    await expect(handlers['conversations.page'](parseCallInput('conversations.page', { id, before: 'elsewhere' }), ctx)).rejects.toThrow(
      'That message is no longer in this conversation.',
    );
  });

  it('pageAround opens at a message with pages on both sides; an unknown message or conversation is refused in words', async () => {
    const { handlers, id, ctx } = calls();
    const around = (input: Record<string, unknown>) => handlers['conversations.pageAround'](parseCallInput('conversations.pageAround', input), ctx);
    const w = await around({ conversationId: id, messageId: 'm100' });
    expect([w.messages.length, w.messages[0]!.id, w.messages.at(-1)!.id, w.hasOlder, w.hasNewer]).toEqual([100, 'm50', 'm149', true, false]);
    await expect(around({ conversationId: id, messageId: 'elsewhere' })).rejects.toThrow('That message is no longer in this conversation.');
    await expect(around({ conversationId: 'gone', messageId: 'm1' })).rejects.toThrow('That conversation no longer exists.');
  });

  it.each([
    ['conversations.pageAround', { conversationId: 'x', messageId: 'y', before: -1 }, /before/],
    ['conversations.pageAround', { conversationId: 'x', messageId: 'y', after: 201 }, /after/],
    ['conversations.pageAround', { conversationId: 'x' }, /messageId/],
    ['conversations.page', { id: 'x', before: 'y', limit: 0 }, /limit/],
    ['conversations.page', { id: 'x', before: 'y', limit: 201 }, /limit/],
    ['conversations.search', { query: '' }, /type something to search for/],
    ['conversations.search', { query: 'x'.repeat(501) }, /at most 500 characters/],
    ['conversations.search', { query: 'ok', limit: 101 }, /limit/],
  ] as const)('%s refuses %j in words', (name, input, words) => {
    expect(() => parseCallInput(name, input)).toThrow(words);
  });

  it('search answers hits with the conversation title and ranges, limited as asked', async () => {
    const { handlers, id, ctx } = calls();
    const { hits } = await handlers['conversations.search'](parseCallInput('conversations.search', { query: '数据', limit: 5 }), ctx);
    expect(hits).toHaveLength(5);
    expect(hits[0]).toMatchObject({ conversationId: id, conversationTitle: 'paged', role: 'assistant' });
    const [a, b] = hits[0]!.ranges[0]!;
    expect(hits[0]!.snippet.slice(a, b)).toBe('数据');
  });
});
