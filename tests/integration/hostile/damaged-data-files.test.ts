/**
 * A damaged copy of every data file the storage reads: the CLI and the core
 * start anyway, say which file was set aside, and keep everything readable.
 * (Settings and key-fingerprint files are covered with the settings.)
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import { openStorage } from '../../../electron/main/core/store/storage.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { oneProviderConfig } from '../cli/one-provider-config.js';
import { jsonLines, runCli } from '../cli/run-cli.js';

const KEY = 'sk-test-damaged-0123456789abcd';
const LEGACY = join(import.meta.dirname, '..', '..', 'unit', 'store', 'fixtures', 'legacy');
const C1 = '2b7c1f0e-1111-4c1a-9a55-000000000001';

/** A data folder with a database holding one conversation. */
function withDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-damaged-'));
  const s = openStorage(dir);
  const c = s.conversations.create('kept', 1);
  for (let i = 0; i < 40; i++) s.conversations.putMessage({ id: `m${i}`, conversationId: c.id, role: 'user', text: 'x'.repeat(400), createdAt: i, status: 'done' });
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  s.close();
  return dir;
}

function withLegacy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-damaged-'));
  cpSync(LEGACY, dir, { recursive: true });
  return dir;
}

const CASES: { name: string; make: () => string; names: RegExp; conversations: number }[] = [
  { name: 'switchboard.db full of garbage', make: () => {
    const dir = withDatabase();
    writeFileSync(join(dir, 'switchboard.db'), Buffer.alloc(64 * 1024, 0x41));
    return dir;
  }, names: /switchboard\.db was damaged.*switchboard\.db\.damaged-/, conversations: 0 },
  { name: 'switchboard.db cut in half', make: () => {
    const dir = withDatabase();
    const path = join(dir, 'switchboard.db');
    truncateSync(path, Math.floor(readFileSync(path).length / 2));
    return dir;
  }, names: /switchboard\.db was damaged.*switchboard\.db\.damaged-/, conversations: 0 },
  { name: 'conversations/index.json not JSON', make: () => {
    const dir = withLegacy();
    writeFileSync(join(dir, 'conversations', 'index.json'), '{"broken');
    return dir;
  }, names: /conversations\/index\.json was damaged/, conversations: 2 },
  { name: 'conversations/index.json holding null', make: () => {
    const dir = withLegacy();
    writeFileSync(join(dir, 'conversations', 'index.json'), 'null');
    return dir;
  }, names: /conversations\/index\.json was damaged/, conversations: 2 },
  { name: 'a conversation file with a torn last line', make: () => {
    const dir = withLegacy();
    appendFileSync(join(dir, 'conversations', `${C1}.jsonl`), '{"id":"torn","text":"hal');
    return dir;
  }, names: /1 damaged line in 1 conversation file/, conversations: 2 },
  { name: 'router-state.json not JSON', make: () => {
    const dir = withLegacy();
    writeFileSync(join(dir, 'router-state.json'), '\u0000\u0000garbage');
    return dir;
  }, names: /router-state\.json was damaged/, conversations: 2 },
];

describe('a damaged copy of every data file', () => {
  let openai: FakeProvider;
  let config: string;
  beforeAll(async () => {
    openai = await startFakeProvider({ protocol: 'openai', apiKey: KEY });
    config = oneProviderConfig(openai, 'DAMAGED_TEST_KEY');
  });
  afterAll(async () => {
    await openai.close();
  });

  it.each(CASES)('the CLI starts with $name, names it, and answers', async ({ make, names, conversations }) => {
    const dir = make();
    const run = await runCli(['ask', '--save', '--json', '--config', config, '--data-dir', dir, 'still here?'], { env: { DAMAGED_TEST_KEY: KEY } });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(names);
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+|TypeError|SQLITE_/);
    expect(jsonLines(run.stdout).at(-1)).toMatchObject({ event: 'done', text: 'Echo: still here?' });
    const list = openStorage(dir).conversations.list();
    expect(list).toHaveLength(conversations + 1);
    // Nothing is deleted: the damaged file is kept under a new name.
    expect(readdirSync(dir).some((f) => f.includes('.damaged-') || f.includes('.imported'))).toBe(true);
  }, 60_000);

  it.each(CASES)('the app’s core starts with $name and shows the notice', async ({ make, names }) => {
    const dir = make();
    const core = await createCore({ host: 'web', dataDir: dir, configFile: config, version: 'test', secretStore: new MemorySecretStore(), env: { DAMAGED_TEST_KEY: KEY } });
    try {
      const info = await core.handlers['app.info']({}, { senderId: 1 });
      expect(info.notices.map((n) => n.text).join('\n')).toMatch(names);
      expect((await core.handlers['conversations.list']({}, { senderId: 1 })).length).toBeGreaterThanOrEqual(0);
    } finally {
      await core.close();
    }
  });
});
