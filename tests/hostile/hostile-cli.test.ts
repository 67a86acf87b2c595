/**
 * The CLI given what a script or a careless paste can give it: each case ends
 * quickly, with one line on stderr and the contract's exit code (2 for usage),
 * never a hang, a stack trace or a silent misreading.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { jsonLines, runCli, type CliRun } from '../integration/cli/run-cli.js';

const oneLineError = (run: CliRun) => run.stderr.trim().split('\n');

describe('the CLI and hostile arguments', () => {
  let ollama: FakeProvider;
  let config: string;
  const dataDir = () => mkdtempSync(join(tmpdir(), 'sb-cli-hostile-'));

  beforeAll(async () => {
    ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] });
    config = join(mkdtempSync(join(tmpdir(), 'sb-cfg-')), 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }],
        routes: { general: [{ provider: 'local', model: 'llama3.2' }] },
        localFallback: { provider: 'local', model: 'llama3.2' },
      }),
    );
  });
  afterAll(() => ollama?.close());

  it('refuses a data dir under /proc at once instead of hanging in mkdir', async () => {
    const run = await runCli(['ask', '--data-dir', '/proc/sb-nowhere/data', 'hi']);
    expect(run.code).toBe(2);
    expect(oneLineError(run)).toEqual([expect.stringMatching(/^switchboard: cannot use data dir \/proc\/sb-nowhere\/data: E[A-Z]+$/)]);
  });

  it('refuses a config that is a FIFO instead of blocking on it', async () => {
    const fifo = join(dataDir(), 'config.json');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli(['ask', '--config', fifo, 'hi']);
    expect(run.code).toBe(2);
    expect(oneLineError(run)).toEqual([`switchboard: config file is not a regular file: ${fifo}`]);
  });

  it('keeps an error to one line when the argument it quotes holds a newline', async () => {
    const run = await runCli(['ask', '--config', config, '--data-dir', dataDir(), '--task', 'line one\nline two', 'hi']);
    expect(run.code).toBe(2);
    expect(oneLineError(run)).toEqual([expect.stringMatching(/^switchboard: unknown task type "line one line two"/)]);
  });

  it('explains `--task -1` in one line, with how to pass a value that starts with a dash', async () => {
    const run = await runCli(['ask', '--config', config, '--task', '-1', 'hi']);
    expect(run.code).toBe(2);
    expect(oneLineError(run)).toEqual([expect.stringMatching(/^switchboard: Option '--task' argument is ambiguous\..*'--task=-XYZ'/)]);
  });

  it('refuses an empty --provider= instead of ignoring it', async () => {
    const run = await runCli(['ask', '--config', config, '--provider=', 'hi']);
    expect(run.code).toBe(2);
    expect(oneLineError(run)).toEqual(['switchboard: --provider needs a value']);
  });

  it('refuses a prompt longer than one message can hold, in words', async () => {
    const run = await runCli(['ask', '--config', config, '--data-dir', dataDir(), '-'], { stdin: 'x'.repeat(1_000_001) });
    expect(run.code).toBe(2);
    expect(oneLineError(run)).toEqual([expect.stringMatching(/^switchboard: the prompt is 1,000,001 characters; the most one message can hold is 1,000,000$/)]);
    expect(ollama.requests).toHaveLength(0);
  });

  // Two CLI runs, one carrying 300 KB: given room for a busy machine, where each start takes seconds.
  it('reads the prompt from stdin, with "-" or with no prompt argument', { timeout: 60_000 }, async () => {
    const long = `summarise: ${'word '.repeat(60_000)}`; // ~300 KB: past what one argument may be on Linux
    const dashed = await runCli(['ask', '--json', '--config', config, '--data-dir', dataDir(), '-'], { stdin: long });
    expect(dashed.code).toBe(0);
    expect(ollama.requests.at(-1)?.messages.at(-1)?.content).toBe(long);
    const bare = await runCli(['ask', '--json', '--config', config, '--data-dir', dataDir()], { stdin: 'piped question' });
    expect(bare.code).toBe(0);
    expect(jsonLines(bare.stdout).at(-1)).toMatchObject({ event: 'done' });
    expect(ollama.requests.at(-1)?.messages.at(-1)?.content).toBe('piped question');
  });

  it('says a key was not saved when no keychain answered, instead of claiming the keychain', async () => {
    const run = await runCli(['keys', 'set', 'groq', '--data-dir', dataDir()], {
      stdin: 'gsk_entered_1234567890abcdef\n',
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
    });
    expect(run.code).toBe(1);
    expect(oneLineError(run).at(-1)).toMatch(/^switchboard: groq: the key was not saved, because no OS keychain answered/);
  });

  it('masks the key just entered, not the one in the environment, and says which one is used', async () => {
    const run = await runCli(['keys', 'set', 'groq', '--data-dir', dataDir()], {
      stdin: 'gsk_entered_1234567890abcdef\n',
      env: { GROQ_API_KEY: 'gsk_from_env_0987654321zyxw' },
    });
    if (!process.env.SWITCHBOARD_REQUIRE_KEYCHAIN) return; // needs a real keychain to save into
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('gsk_…cdef');
    expect(run.stderr).not.toContain('zyxw');
    expect(run.stderr).toMatch(/GROQ_API_KEY is set and is used instead/);
  });

  it('starts on damaged files, sets each aside, and says so in a line that names it', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'key-fingerprints.json'), 'null');
    writeFileSync(join(dir, 'settings.json'), '{"providers": [');
    const run = await runCli(['keys', 'list', '--data-dir', dir]);
    expect(run.code).toBe(0);
    const notices = run.stderr.trim().split('\n');
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^switchboard: (warning|error): .*settings\.json was not valid JSON.*moved to/),
        expect.stringMatching(/^switchboard: warning: .*key-fingerprints\.json was damaged and was moved to/),
      ]),
    );
    const files = readdirSync(dir);
    expect(files.some((f) => f.startsWith('settings.json.corrupt') || /^settings\..*corrupt/.test(f))).toBe(true);
    expect(files.some((f) => f.startsWith('key-fingerprints.json.corrupt') || /^key-fingerprints\..*corrupt/.test(f))).toBe(true);
    // A second start is quiet: the damaged copies were set aside, not read again.
    const again = await runCli(['keys', 'list', '--data-dir', dir]);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toMatch(/damaged|not valid JSON/);
  });
});
