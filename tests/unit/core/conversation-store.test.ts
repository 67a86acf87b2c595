import { appendFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/chat.js';
import { createConversationStore } from '../../../electron/main/core/store/conversation-store.js';

const msg = (conversationId: string, id: string, text: string, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId,
  role: 'assistant',
  text,
  createdAt: 1,
  status: 'done',
  ...extra,
});

describe('conversation store', () => {
  it('keeps conversations and the latest text of each message across a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-conv-'));
    const store = createConversationStore(dir);
    const c = store.create('Hello', 10);
    store.putMessage(msg(c.id, 'u1', 'hi', { role: 'user' }));
    store.putMessage(msg(c.id, 'a1', 'partial', { status: 'streaming' }));
    store.putMessage(msg(c.id, 'a1', 'partial and whole'));
    const reopened = createConversationStore(dir);
    expect(reopened.list().map((x) => [x.title, x.messageCount])).toEqual([['Hello', 2]]);
    expect(reopened.get(c.id)!.messages.map((m) => m.text)).toEqual(['hi', 'partial and whole']);
  });

  it('shows an answer left streaming by an earlier run as cut off, with its text, and does not write it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-conv-'));
    const store = createConversationStore(dir);
    const c = store.create('x', 1);
    store.putMessage(msg(c.id, 'a1', 'half an ans', { status: 'streaming' }));
    const file = join(dir, 'conversations', readdirSync(join(dir, 'conversations')).find((f) => f.endsWith('.jsonl'))!);
    const onDisk = readFileSync(file, 'utf8');
    const [shown] = createConversationStore(dir).get(c.id)!.messages;
    expect(shown).toMatchObject({ text: 'half an ans', status: 'error', error: { kind: 'stream_interrupted' } });
    expect(shown?.error?.message).toMatch(/closed before this answer finished/);
    // Another process may still be streaming it: reading never writes.
    expect(readFileSync(file, 'utf8')).toBe(onDisk);
    // This run's own stream stays as it is.
    expect(store.get(c.id)!.messages[0]?.status).toBe('streaming');
  });

  it('survives a line torn by a crash mid-write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-conv-'));
    const store = createConversationStore(dir);
    const c = store.create('x', 1);
    store.putMessage(msg(c.id, 'a1', 'kept'));
    const file = readdirSync(join(dir, 'conversations')).find((f) => f.endsWith('.jsonl'))!;
    appendFileSync(join(dir, 'conversations', file), '{"id":"a1","conversationId":"');
    expect(createConversationStore(dir).get(c.id)!.messages.map((m) => m.text)).toEqual(['kept']);
  });

  it('refuses ids that could escape the data folder', () => {
    const store = createConversationStore(mkdtempSync(join(tmpdir(), 'sb-conv-')));
    expect(store.get('../../etc/passwd')).toBeUndefined();
    expect(() => store.putMessage(msg('../x', 'a', 't'))).toThrow();
  });
});
