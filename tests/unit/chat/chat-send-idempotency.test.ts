import { describe, expect, it } from 'vitest';
import { createChatService } from '../../../electron/main/core/chat/chat-service.js';
import { createEventBus } from '../../../electron/main/core/events/event-bus.js';
import { freshStorage } from '../store/helpers.js';
import { harness, ok } from '../router/fakes.js';

function service() {
  const h = harness({ scripts: { a: [ok('Hi!')], local: [ok('L')] } });
  const store = freshStorage().conversations;
  const chat = createChatService({ store, router: h.router, events: createEventBus(), clock: h.clock });
  return { h, store, chat };
}

describe('chat.send idempotency', () => {
  it('a send retried with the same key posts the message once and answers with the first send', async () => {
    const { h, store, chat } = service();
    const first = chat.send({ text: 'hello', taskType: 'auto', idempotencyKey: 'k-1' });
    const again = chat.send({ text: 'hello', taskType: 'auto', idempotencyKey: 'k-1' });
    await h.clock.drive(first.finished);
    expect(again.assistantMessageId).toBe(first.assistantMessageId);
    expect(again.userMessage.id).toBe(first.userMessage.id);
    expect(store.list()).toHaveLength(1);
    expect(store.get(first.conversationId)?.messages.map((m) => [m.role, m.text])).toEqual([
      ['user', 'hello'],
      ['assistant', 'Hi!'],
    ]);
    expect(h.adapters.a?.requests).toHaveLength(1);
  });

  it('different keys, or none, are different messages', async () => {
    const { h, chat } = service();
    const one = chat.send({ text: 'hello', taskType: 'auto', idempotencyKey: 'k-1' });
    await h.clock.drive(one.finished);
    const two = chat.send({ conversationId: one.conversationId, text: 'hello', taskType: 'auto', idempotencyKey: 'k-2' });
    await h.clock.drive(two.finished);
    const three = chat.send({ conversationId: one.conversationId, text: 'hello', taskType: 'auto' });
    await h.clock.drive(three.finished);
    expect(new Set([one.assistantMessageId, two.assistantMessageId, three.assistantMessageId]).size).toBe(3);
    expect(h.adapters.a?.requests).toHaveLength(3);
  });
});
