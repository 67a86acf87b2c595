import { describe, expect, it } from 'vitest';
import { markInterrupted } from '../../../electron/main/core/store/conversations/interrupted.js';
import { attempt, freshStorage, message } from './helpers.js';

describe('conversations in switchboard.db', () => {
  it('keeps conversations, the latest text of each message and its attempts across a restart', () => {
    const s = freshStorage();
    const c = s.conversations.create('Hello', 10);
    s.conversations.putMessage(message(c.id, 'u1', 'hi', { role: 'user', createdAt: 11 }));
    s.conversations.putMessage(message(c.id, 'a1', '', { status: 'streaming', createdAt: 12 }));
    s.conversations.checkpoint('a1', 'partial');
    s.attempts.record({ attempt: attempt(), source: 'chat', messageId: 'a1', fallback: false, quota: { requests: 1, tokens: 30 } });
    s.conversations.putMessage(message(c.id, 'a1', 'partial and whole', { createdAt: 12, provider: 'gpt', model: 'gpt-4o-mini', usage: { inputTokens: 1, outputTokens: 2 } }));
    s.close();
    const again = freshStorage(s.dir);
    expect(again.conversations.list().map((x) => [x.title, x.messageCount, x.updatedAt])).toEqual([['Hello', 2, 12]]);
    const got = again.conversations.get(c.id)!;
    expect(got.hasOlder).toBe(false);
    expect(got.messages.map((m) => m.text)).toEqual(['hi', 'partial and whole']);
    expect(got.messages[1]).toMatchObject({ provider: 'gpt', usage: { inputTokens: 1, outputTokens: 2 } });
    expect(got.messages[1]!.attempts).toHaveLength(1);
  });

  it('pages from the newest message back, oldest first within a page', () => {
    const s = freshStorage();
    const c = s.conversations.create('long', 1);
    for (let i = 0; i < 250; i++) s.conversations.putMessage(message(c.id, `m${i}`, `text ${i}`, { createdAt: i }));
    const first = s.conversations.get(c.id)!;
    expect(first.messages).toHaveLength(100);
    expect(first.messages[0]!.id).toBe('m150');
    expect(first.messages.at(-1)!.id).toBe('m249');
    expect(first.hasOlder).toBe(true);
    const second = s.conversations.page(c.id, 'm150', 120)!;
    expect(second.messages.map((m) => m.id)).toEqual(Array.from({ length: 120 }, (_, i) => `m${i + 30}`));
    expect(second.hasOlder).toBe(true);
    const last = s.conversations.page(c.id, 'm30')!;
    expect(last.messages.map((m) => m.id)).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`));
    expect(last.hasOlder).toBe(false);
    expect(s.conversations.page(c.id, 'nope')).toBeUndefined();
  });

  it('reads the messages around one, both ways, and says what is left on each side', () => {
    const s = freshStorage();
    const c = s.conversations.create('long', 1);
    const other = s.conversations.create('other', 1);
    s.db.transaction(() => {
      for (let i = 0; i < 3000; i++) s.conversations.putMessage(message(c.id, `m${i}`, `text ${i}`, { createdAt: i }));
    })();
    s.conversations.putMessage(message(other.id, 'o1', 'elsewhere', { createdAt: 1 }));
    const idsOf = (w: { messages: { id: string }[] }) => w.messages.map((m) => m.id);
    const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `m${from + i}`);

    const middle = s.conversations.around(c.id, 'm50', 20, 30)!;
    expect(idsOf(middle)).toEqual(span(30, 81));
    expect([middle.hasOlder, middle.hasNewer]).toEqual([true, true]);
    // The first message has nothing before it; the window is the message and what follows.
    const first = s.conversations.around(c.id, 'm0', 50, 50)!;
    expect(idsOf(first)).toEqual(span(0, 51));
    expect([first.hasOlder, first.hasNewer]).toEqual([false, true]);
    const last = s.conversations.around(c.id, 'm2999', 50, 50)!;
    expect(idsOf(last)).toEqual(span(2949, 3000));
    expect([last.hasOlder, last.hasNewer]).toEqual([true, false]);
    // Exactly as many as there are on each side: nothing is left either way.
    const exact = s.conversations.around(c.id, 'm10', 10, 2989)!;
    expect(idsOf(exact)).toEqual(span(0, 3000));
    expect([exact.hasOlder, exact.hasNewer]).toEqual([false, false]);
    // The page below the last loaded message: it and what follows.
    expect(idsOf(s.conversations.around(c.id, 'm2899', 0, 100)!)).toEqual(span(2899, 3000));

    expect(s.conversations.around(c.id, 'nope', 50, 50)).toBeUndefined();
    // A message of another conversation is not in this one.
    expect(s.conversations.around(c.id, 'o1', 50, 50)).toBeUndefined();
    expect(s.conversations.around('gone', 'm1', 50, 50)).toBeUndefined();
  });

  it('marks an answer left streaming by a process that is gone as interrupted, keeping its text; a live writer’s stream is left alone', () => {
    const s = freshStorage();
    const c = s.conversations.create('x', 1);
    s.conversations.putMessage(message(c.id, 'a1', '', { status: 'streaming' }));
    s.conversations.checkpoint('a1', 'half an ans');
    s.db.prepare("UPDATE messages SET writer = 999999999 WHERE id = 'a1'").run();
    s.conversations.putMessage(message(c.id, 'a2', 'still going', { status: 'streaming' }));
    s.db.prepare("UPDATE messages SET writer = 4242 WHERE id = 'a2'").run();
    expect(markInterrupted(s.db, (pid) => pid === 4242)).toBe(1);
    const [cut, live] = s.conversations.get(c.id)!.messages;
    expect(cut).toMatchObject({ text: 'half an ans', status: 'interrupted', error: { kind: 'stream_interrupted' } });
    expect(live).toMatchObject({ status: 'streaming' });
  });

  it('keeps attempts when their conversation is deleted, so spend and quotas do not reset', () => {
    const s = freshStorage();
    const c = s.conversations.create('x', 1);
    s.conversations.putMessage(message(c.id, 'a1', 'answer'));
    s.attempts.record({ attempt: attempt({ costUsd: 0.5 }), source: 'chat', messageId: 'a1', fallback: false, quota: { requests: 1, tokens: 30 } });
    expect(s.conversations.delete(c.id)).toBe(true);
    expect(s.conversations.list()).toEqual([]);
    const usage = s.attempts.quotaUsage(0, 0);
    expect(usage.providers.gpt).toEqual({ requests: 1, tokens: 30 });
    expect(usage.dayUsd).toBeCloseTo(0.5);
  });

  it('records an attempt whose message was deleted mid-stream, unlinked', () => {
    const s = freshStorage();
    s.attempts.record({ attempt: attempt(), source: 'cli', messageId: 'gone', fallback: false, quota: { requests: 1, tokens: 1 } });
    s.attempts.flush();
    expect(s.db.prepare('SELECT message_id, source FROM attempts').get()).toEqual({ message_id: null, source: 'cli' });
  });
});
