/** `ask --save / --conversation`, `history`, `history --search`, `export` and `import`, run as a script would. */
import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { oneProviderConfig } from './one-provider-config.js';
import { jsonLines, runCli } from './run-cli.js';

const KEY = 'sk-test-cli-history-0123456789';

// Each test runs the CLI several times; on a loaded two-core machine one run can take seconds.
describe('switchboard history, export and import', { timeout: 90_000 }, () => {
  let openai: FakeProvider;
  let config: string;
  const env = { CLI_TEST_OPENAI_KEY: KEY };

  beforeAll(async () => {
    openai = await startFakeProvider({ protocol: 'openai', apiKey: KEY });
    config = oneProviderConfig(openai, 'CLI_TEST_OPENAI_KEY');
  });
  afterAll(async () => {
    await openai.close();
  });

  it('saves with --save, continues with --conversation (sending its history), and lists and searches it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-cli-'));
    const base = ['--config', config, '--data-dir', dir];
    const first = await runCli(['ask', '--json', '--save', ...base, '请解释报销流程'], { env });
    expect(first.code).toBe(0);
    const done = jsonLines(first.stdout).at(-1)!;
    expect(done).toMatchObject({ event: 'done', text: 'Echo: 请解释报销流程' });
    const id = done.conversationId as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    openai.reset();
    const second = await runCli(['ask', '--json', '--conversation', id, ...base, 'and then?'], { env });
    expect(jsonLines(second.stdout).at(-1)).toMatchObject({ event: 'done', conversationId: id });
    const sent = (openai.requests[0]!.body as { messages: { role: string; content: string }[] }).messages.map((m) => [m.role, m.content]);
    expect(sent).toEqual([['user', '请解释报销流程'], ['assistant', 'Echo: 请解释报销流程'], ['user', 'and then?']]);

    const list = await runCli(['history', '--json', '--data-dir', dir]);
    expect(list.code).toBe(0);
    expect(jsonLines(list.stdout)).toEqual([{ id, title: '请解释报销流程', createdAt: expect.any(Number), updatedAt: expect.any(Number), messageCount: 4 }]);

    // Two CJK characters: below the trigram index's reach, still found.
    const found = await runCli(['history', '--search', '报销', '--json', '--data-dir', dir]);
    const hits = jsonLines(found.stdout);
    expect(hits.map((h) => [h.conversationId, h.role])).toEqual([[id, 'assistant'], [id, 'user']]);
    for (const h of hits) {
      const [a, b] = (h.ranges as [number, number][])[0]!;
      expect((h.snippet as string).slice(a, b)).toBe('报销');
    }
    const plain = await runCli(['history', '--data-dir', dir]);
    expect(plain.stdout.trim().split('\n')).toHaveLength(1);
    expect(plain.stdout).toContain(id);
  });

  it('stores no conversation without --save, but records the attempt with source cli', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-cli-'));
    const run = await runCli(['ask', '--json', '--config', config, '--data-dir', dir, 'not kept'], { env });
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).at(-1)).not.toHaveProperty('conversationId');
    expect((await runCli(['history', '--json', '--data-dir', dir])).stdout).toBe('');
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect(db.prepare('SELECT source, provider, outcome, message_id FROM attempts').all()).toEqual([{ source: 'cli', provider: 'gpt', outcome: 'ok', message_id: null }]);
    db.close();
  });

  it('exports as JSON and Markdown; importing the same file twice makes two new conversations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-cli-'));
    const done = jsonLines((await runCli(['ask', '--json', '--save', '--config', config, '--data-dir', dir, 'export me'], { env })).stdout).at(-1)!;
    const id = done.conversationId as string;
    const exported = await runCli(['export', id, '--data-dir', dir]);
    expect(exported.code).toBe(0);
    const doc = JSON.parse(exported.stdout) as { format: string; messages: { text: string }[] };
    expect(doc.format).toBe('switchboard.conversation');
    expect(doc.messages.map((m) => m.text)).toEqual(['export me', 'Echo: export me']);
    const md = await runCli(['export', id, '--format', 'md', '--data-dir', dir]);
    expect(md.stdout).toMatch(/^# export me\n/);
    expect(md.stdout).toContain('Echo: export me');

    const file = join(dir, 'export.json');
    writeFileSync(file, exported.stdout);
    const a = await runCli(['import', file, '--data-dir', dir]);
    const b = await runCli(['import', file, '--data-dir', dir]);
    expect(a.code).toBe(0);
    const ids = [a.stdout.trim(), b.stdout.trim()];
    expect(new Set([id, ...ids]).size).toBe(3);
    const list = jsonLines((await runCli(['history', '--json', '--data-dir', dir])).stdout);
    expect(list).toHaveLength(3);
    expect(list.every((c) => c.messageCount === 2)).toBe(true);
  });

  it.each([
    [['export', 'no-such-id'], 1, /no conversation no-such-id/],
    [['history', '--limit', 'lots'], 2, /--limit must be a whole number/],
    [['history', '--search', ''], 2, /--search needs a value/],
    [['history', '--search', '   '], 2, /needs something to search for/],
    [['export', 'x', '--format', 'pdf'], 2, /--format must be json or md/],
    [['import'], 2, /import needs a file/],
    [['history', 'extra'], 2, /unexpected argument "extra"/],
  ])('%j: one line, exit %i', async (args, code, message) => {
    const run = await runCli([...args, '--data-dir', mkdtempSync(join(tmpdir(), 'sb-cli-'))]);
    expect(run.code).toBe(code);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('imports a backup of all conversations made by the app, each as a new conversation; a damaged one imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-cli-'));
    const file = join(dir, 'backup.json');
    const conversation = (title: string) => ({
      format: 'switchboard.conversation',
      version: 1,
      conversation: { title, createdAt: 1_000, updatedAt: 2_000 },
      messages: [{ id: 'q', role: 'user', text: `about ${title}`, createdAt: 1_500, status: 'done' }],
    });
    const backup = { format: 'switchboard.backup', version: 1, exportedAt: 3_000, conversations: [conversation('One'), conversation('Two')] };
    writeFileSync(file, JSON.stringify({ ...backup, conversations: [conversation('One'), { ...conversation('Two'), messages: [{ id: 'q', role: 'robot' }] }] }));
    const damaged = await runCli(['import', file, '--data-dir', dir]);
    expect([damaged.code, damaged.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(damaged.stderr).toMatch(/damaged or incomplete \(at conversations\.1\.messages\.0/);
    expect((await runCli(['history', '--json', '--data-dir', dir])).stdout).toBe('');
    writeFileSync(file, JSON.stringify(backup));
    const run = await runCli(['import', '--json', file, '--data-dir', dir]);
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((l) => [l.title, l.messageCount])).toEqual([['One', 1], ['Two', 1]]);
  });

  it('refuses a file that is not an export, in one line, and imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-cli-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'switchboard.conversation', version: 1, conversation: { title: 'x' } }));
    const run = await runCli(['import', bad, '--data-dir', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a Switchboard conversation export \(conversation\.createdAt/);
    writeFileSync(bad, '{nope');
    expect((await runCli(['import', bad, '--data-dir', dir])).stderr).toMatch(/is not JSON/);
    expect((await runCli(['history', '--json', '--data-dir', dir])).stdout).toBe('');
  });
});
