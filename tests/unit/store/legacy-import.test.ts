import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAttemptStore } from '../../../electron/main/core/store/attempts/attempt-store.js';
import { openDatabase } from '../../../electron/main/core/store/db/open-database.js';
import { importLegacy } from '../../../electron/main/core/store/legacy/legacy-import.js';
import { createDbStateStore } from '../../../electron/main/core/store/router-state-db.js';
import { freshStorage, tempDir } from './helpers.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'legacy');
const C1 = '2b7c1f0e-1111-4c1a-9a55-000000000001';
const C2 = '2b7c1f0e-2222-4c1a-9a55-000000000002';

function legacyDir(): string {
  const dir = tempDir();
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('importing the JSONL format', () => {
  it('moves every conversation, message, attempt and the router state in, keeps the old files renamed, and says so in one line', () => {
    const dir = legacyDir();
    const s = freshStorage(dir);
    expect(s.conversations.list().map((c) => [c.id, c.title, c.messageCount, c.stickyProvider])).toEqual([
      [C2, '报销流程', 2, undefined],
      [C1, 'What is a monad?', 2, 'groq'],
    ]);
    const [, answer] = s.conversations.get(C1)!.messages;
    expect(answer).toMatchObject({ text: 'A monad is a way to chain computations.', status: 'done', provider: 'groq', trace: { taskReason: 'auto → general: no strong signal' } });
    expect(answer!.attempts!.map((a) => [a.provider, a.outcome, a.requestId])).toEqual([['openai', 'error', 'req_abc'], ['groq', 'ok', undefined]]);
    // Left streaming by the old run: interrupted, its text kept, and searchable.
    expect(s.conversations.get(C2)!.messages[1]).toMatchObject({ text: '报销流程分三步', status: 'interrupted' });
    expect(s.search('报销').map((h) => h.conversationId)).toEqual([C2, C2]);
    // The breaker state and the flagged model came along.
    const state = s.routerState.load() as { providers: Record<string, { exhaustedUntil?: number }>; flagged: unknown[] };
    expect(state.providers.openai?.exhaustedUntil).toBe(4102444800000);
    expect(state.flagged).toHaveLength(1);
    const notices = s.notices.filter((n) => n.id.startsWith('storage.'));
    expect(notices.map((n) => n.text)).toEqual(['Moved 2 conversations from the old format into switchboard.db; the old files are kept as conversations.imported and router-state.json.imported.']);
    expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['conversations.imported', 'router-state.json.imported', 'switchboard.db']));
    expect(existsSync(join(dir, 'conversations'))).toBe(false);
    s.close();
    // Once only.
    const again = freshStorage(dir);
    expect(again.notices).toEqual([]);
    expect(again.conversations.list()).toHaveLength(2);
  });

  it('rebuilds a damaged index from the conversation files, and names what it set aside', () => {
    const dir = legacyDir();
    writeFileSync(join(dir, 'conversations', 'index.json'), '[{"id": "2b7c1f0e-1111');
    const s = freshStorage(dir);
    expect(s.conversations.list().map((c) => c.title).sort()).toEqual(['What is a monad?', '请解释报销流程']);
    const texts = s.notices.map((n) => n.text);
    expect(texts.some((t) => t.includes('conversations/index.json was damaged') && t.includes('conversations.imported'))).toBe(true);
  });

  it('skips a torn last line and keeps every message before it', () => {
    const dir = legacyDir();
    appendFileSync(join(dir, 'conversations', `${C1}.jsonl`), '{"id":"u9","conversationId":"2b7c');
    const s = freshStorage(dir);
    expect(s.conversations.get(C1)!.messages.map((m) => m.id)).toEqual(['u1', 'a1']);
    expect(s.notices.map((n) => n.text).join('\n')).toMatch(/1 damaged line in 1 conversation file could not be read/);
    // The next message in that conversation is kept, not lost behind the torn line.
    s.conversations.putMessage({ id: 'u10', conversationId: C1, role: 'user', text: 'next', createdAt: 9e12, status: 'done' });
    expect(s.conversations.get(C1)!.messages.at(-1)!.text).toBe('next');
  });

  it('imports the conversations when router-state.json is damaged, and says breakers start fresh', () => {
    const dir = legacyDir();
    writeFileSync(join(dir, 'router-state.json'), '{"version": 1, "providers": nul');
    const s = freshStorage(dir);
    expect(s.conversations.list()).toHaveLength(2);
    expect(s.notices.map((n) => n.text).join('\n')).toMatch(/router-state\.json was damaged .*breakers and cooldowns start fresh.*router-state\.json\.imported/);
    // Spend is still counted: the imported conversations' attempts are on record.
    expect(s.attempts.quotaUsage(0, 0).dayUsd).toBeCloseTo(0.00003);
    expect(readFileSync(join(dir, 'router-state.json.imported'), 'utf8')).toContain('nul');
  });

  it('redoes an import interrupted half-way cleanly at the next start', () => {
    const dir = legacyDir();
    const opened = openDatabase(dir);
    const attempts = createAttemptStore(opened.db);
    expect(() =>
      importLegacy(dir, {
        db: opened.db,
        attempts,
        state: createDbStateStore(opened.db),
        beforeCommit: () => {
          throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    expect(opened.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    opened.db.close();
    expect(existsSync(join(dir, 'conversations', 'index.json'))).toBe(true);
    const s = freshStorage(dir);
    expect(s.conversations.list()).toHaveLength(2);
    expect(s.db.prepare('SELECT count(*) FROM attempts').pluck().get()).toBe(2);
  });
});
