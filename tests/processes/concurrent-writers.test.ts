/**
 * Twenty `switchboard ask --save` processes and a host process write to one data
 * folder at once: every conversation is kept, every attempt is counted, and no
 * "database is locked" reaches anyone.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { oneProviderConfig } from '../integration/cli/one-provider-config.js';
import { jsonLines, runCli } from '../integration/cli/run-cli.js';
import { runHost } from './run-host.js';

const KEY = 'sk-test-concurrent-0123456789';
const CLIS = 20;
const HOST_MESSAGES = 8;
/** Spreads the host's messages over the seconds the CLI processes take to start and answer. */
const HOST_INTERVAL_MS = 600;

describe('concurrent writers on one data folder', () => {
  let openai: FakeProvider;
  let config: string;
  beforeAll(async () => {
    openai = await startFakeProvider({ protocol: 'openai', apiKey: KEY, tokenDelayMs: 5 });
    config = oneProviderConfig(openai, 'CONCURRENT_TEST_KEY');
  });
  afterAll(async () => {
    await openai.close();
  });

  it(`${CLIS} CLI asks and a host lose nothing and count every attempt`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-concurrent-'));
    const env = { CONCURRENT_TEST_KEY: KEY };
    const [host, ...clis] = await Promise.all([
      runHost([dir, config, 'send', String(HOST_MESSAGES), String(HOST_INTERVAL_MS)], env),
      ...Array.from({ length: CLIS }, (_, i) => runCli(['ask', '--save', '--json', '--config', config, '--data-dir', dir, `cli question ${i}`], { env })),
    ]);
    const everything = [host, ...clis].map((r) => r.stdout + r.stderr).join('\n');
    expect(everything).not.toMatch(/locked|busy|SQLITE/i);
    expect(clis.map((r) => r.code)).toEqual(Array(CLIS).fill(0));
    expect(host.code).toBe(0);
    const hostResults = JSON.parse(host.stdout.trim()) as { conversationId: string; status: string }[];
    expect(hostResults.map((r) => r.status)).toEqual(Array(HOST_MESSAGES).fill('done'));
    const cliConversations = clis.map((r) => jsonLines(r.stdout).at(-1)!.conversationId as string);

    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    const stored = db.prepare('SELECT id, message_count FROM conversations').all() as { id: string; message_count: number }[];
    expect(stored.map((c) => c.id).sort()).toEqual([...cliConversations, ...hostResults.map((r) => r.conversationId)].sort());
    expect(stored.every((c) => c.message_count === 2)).toBe(true);
    expect(db.prepare("SELECT count(*) FROM messages WHERE status = 'done'").pluck().get()).toBe(2 * (CLIS + HOST_MESSAGES));
    expect(db.prepare('SELECT source, count(*) AS n FROM attempts GROUP BY source ORDER BY source').all()).toEqual([
      { source: 'chat', n: HOST_MESSAGES },
      { source: 'cli', n: CLIS },
    ]);
    expect(db.prepare("SELECT sum(quota_requests) FROM attempts WHERE provider = 'gpt'").pluck().get()).toBe(CLIS + HOST_MESSAGES);
    expect(openai.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(CLIS + HOST_MESSAGES);
    db.close();
  }, 240_000);
});
