/** Export and import from the app: one conversation, a backup of all, back in as new conversations; bad files change nothing. */
import { describe, expect, it } from 'vitest';
import { parseCallInput } from '../../../shared/contract/index.js';
import { transferHandlers } from '../../../electron/main/core/handlers/transfer-handlers.js';
import { createEventBus } from '../../../electron/main/core/events/event-bus.js';
import { redact } from '../../../electron/main/core/secrets/redact.js';
import { fileNameOf } from '../../../electron/main/core/store/conversations/backup.js';
import { freshStorage, message } from './helpers.js';

const KEY = 'sk-live-0123456789abcdefABCDEF';

function rig() {
  const s = freshStorage();
  const handlers = transferHandlers({ db: s.db, conversations: s.conversations, events: createEventBus(), clock: { now: () => Date.UTC(2026, 11, 3) }, scrub: (t) => redact(t, [KEY]) });
  const a = s.conversations.create('Fix: a/b "quotes"', 1_000);
  s.conversations.putMessage(message(a.id, 'q', 'why does this fail?', { role: 'user', createdAt: 1_001 }));
  s.conversations.putMessage(message(a.id, 'r', `Because the key ${KEY} was pasted here`, { provider: 'gpt', model: 'gpt-4o-mini', createdAt: 1_002 }));
  const b = s.conversations.create('Second', 2_000);
  s.conversations.putMessage(message(b.id, 'q2', '| a | b |\n|---|---|\n| 1 | 2 |', { role: 'user', createdAt: 2_001 }));
  return { s, handlers, a: a.id, b: b.id, ctx: { senderId: 1 } };
}

describe('conversation export and import from the app', () => {
  it('exports one conversation as Markdown and as JSON, with a safe file name and no key', async () => {
    const { handlers, a, ctx } = rig();
    const md = await handlers['conversations.export'](parseCallInput('conversations.export', { id: a, format: 'md' }), ctx);
    expect(md.fileName).toBe('Fix a b quotes.md');
    expect(md.text).toContain('# Fix: a/b "quotes"');
    expect(md.text).toContain('why does this fail?');
    const json = await handlers['conversations.export'](parseCallInput('conversations.export', { id: a }), ctx);
    expect(JSON.parse(json.text)).toMatchObject({ format: 'switchboard.conversation', messages: [{ role: 'user' }, { role: 'assistant' }] });
    for (const text of [md.text, json.text]) expect(text).not.toContain(KEY);
  });

  it('round-trips a backup of all conversations as new ones, leaving the old ones as they were', async () => {
    const { s, handlers, ctx } = rig();
    const backup = await handlers['conversations.backup'](parseCallInput('conversations.backup', {}), ctx);
    expect([backup.count, backup.fileName]).toEqual([2, 'switchboard-backup-2026-12-03.json']);
    expect(backup.text).not.toContain(KEY);
    const { imported } = await handlers['conversations.import'](parseCallInput('conversations.import', { text: backup.text }), ctx);
    expect(imported.map((c) => c.title).sort()).toEqual(['Fix: a/b "quotes"', 'Second']);
    expect(s.conversations.list()).toHaveLength(4);
    const copy = imported.find((c) => c.title === 'Second')!;
    expect(s.conversations.get(copy.id, 100)?.messages.map((m) => m.text)).toEqual(['| a | b |\n|---|---|\n| 1 | 2 |']);
  });

  it('imports a one-conversation JSON export too', async () => {
    const { s, handlers, a, ctx } = rig();
    const json = await handlers['conversations.export'](parseCallInput('conversations.export', { id: a }), ctx);
    const { imported } = await handlers['conversations.import'](parseCallInput('conversations.import', { text: json.text }), ctx);
    expect(imported).toHaveLength(1);
    expect(s.conversations.list()).toHaveLength(3);
  });

  it.each([
    ['not JSON', '{"format": "switchboard.backup", ', /not JSON/],
    ['other JSON', '{"providers": []}', /not a Switchboard backup or conversation export/],
    ['a damaged backup', JSON.stringify({ format: 'switchboard.backup', version: 1, exportedAt: 1, conversations: [{ format: 'switchboard.conversation', version: 1, conversation: { title: 'x', createdAt: 1, updatedAt: 1 }, messages: [{ id: 'm', role: 'robot' }] }] }), /damaged or incomplete \(at conversations\.0\.messages\.0/],
  ])('answers %s in plain words and imports nothing', async (_name, text, words) => {
    const { s, handlers, ctx } = rig();
    await expect(handlers['conversations.import'](parseCallInput('conversations.import', { text }), ctx)).rejects.toThrow(words);
    expect(s.conversations.list()).toHaveLength(2);
  });

  it('imports none of a backup when one of its conversations cannot be written', async () => {
    const { s, handlers, ctx } = rig();
    const backup = JSON.parse((await handlers['conversations.backup'](parseCallInput('conversations.backup', {}), ctx)).text) as { conversations: unknown[] };
    s.db.exec("CREATE TRIGGER refuse_second BEFORE INSERT ON messages WHEN NEW.text LIKE '| a |%' BEGIN SELECT RAISE(ABORT, 'disk said no'); END");
    await expect(handlers['conversations.import'](parseCallInput('conversations.import', { text: JSON.stringify(backup) }), ctx)).rejects.toThrow();
    expect(s.conversations.list()).toHaveLength(2);
  });

  it('names files after the title, safely', () => {
    expect(fileNameOf('a\u0001b: c?', 'md')).toBe('a b c.md');
    expect(fileNameOf('...', 'json')).toBe('conversation.json');
  });
});
