/**
 * The disk fills up (or the file turns read-only) while an answer streams: the
 * user is told in words, once, and still gets the whole answer on screen;
 * what was saved before stays saved. SQLite's own limits produce the same
 * result codes a full disk or a read-only file does (SQLITE_FULL, SQLITE_READONLY).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/contract/calls-settings.js';
import { createCore } from '../../../electron/main/core/app-core.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import { openStorage } from '../../../electron/main/core/store/storage.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { oneProviderConfig } from '../cli/one-provider-config.js';

const KEY = 'sk-test-save-fails-0123456789ab';
const LONG_ANSWER = 'The answer, at length. '.repeat(1600);
let fake: FakeProvider;

beforeAll(async () => {
  // Long enough to need new pages in the file, and slow enough to be still streaming when the disk gives out.
  fake = await startFakeProvider({ protocol: 'openai', apiKey: KEY, tokenDelayMs: 30, chunkSize: 2000, reply: () => LONG_ANSWER });
});
afterAll(() => fake.close());

const CASES = [
  { name: 'the disk fills up', fail: (db: import('better-sqlite3').Database) => db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`), words: /the disk is full: free some space and try again/ },
  { name: 'the file turns read-only', fail: (db: import('better-sqlite3').Database) => db.pragma('query_only = 1'), words: /read-only: make it writable and try again/ },
];

describe('a save that fails while an answer streams', () => {
  for (const c of CASES) {
    it(`${c.name}: one notice in words, the whole answer still shown, the question kept`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'sb-save-fails-'));
      const core = await createCore({
        host: 'web',
        dataDir,
        configFile: oneProviderConfig(fake, 'SAVE_KEY'),
        version: '0.0.0-test',
        env: { SAVE_KEY: KEY },
        secretStore: new MemorySecretStore(),
        online: () => true,
      });
      const notices: Notice[] = [];
      let deltas = 0;
      core.events.subscribe((name, payload) => {
        if (name === 'notice') notices.push(payload as Notice);
        if (name === 'chat.delta' && ++deltas === 2) c.fail(core.storage.db);
      });
      const text = 'a question whose answer is long enough to span several checkpoints of the stream';
      const sent = core.chat.send({ text, taskType: 'auto' });
      const answer = await sent.finished;
      expect(answer.status).toBe('done');
      expect(answer.text).toBe(LONG_ANSWER);
      const failed = notices.filter((n) => n.id === 'storage.write_failed');
      expect(failed.length).toBe(1);
      expect(failed[0]?.text).toMatch(c.words);
      expect(failed[0]?.text).not.toMatch(/SQLITE|at .*\.js/);
      await core.close();

      // What was committed before the disk gave out is still there.
      const again = openStorage(dataDir);
      const stored = again.conversations.get(sent.conversationId);
      expect(stored?.messages[0]?.text).toBe(text);
      again.close();
    });
  }
});
