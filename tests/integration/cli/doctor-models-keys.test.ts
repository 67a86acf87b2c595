import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { jsonLines, runCli } from './run-cli.js';

const KEY = 'sk-test-doctor-0123456789abcdef';

describe('switchboard doctor, models and keys', () => {
  let openai: FakeProvider;
  let ollama: FakeProvider;
  let config: string;

  beforeAll(async () => {
    openai = await startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['gpt-4o-mini', 'gpt-4o'] });
    ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest', 'qwen2.5-coder:7b'] });
    config = join(mkdtempSync(join(tmpdir(), 'sb-cfg-')), 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        providers: [
          { id: 'gpt', kind: 'openai', baseURL: openai.baseURL, apiKeyEnv: 'DOCTOR_TEST_KEY', models: ['gpt-4o-mini'] },
          { id: 'local', kind: 'ollama', baseURL: ollama.url },
        ],
        routes: { general: [{ provider: 'gpt', model: 'gpt-4o-mini' }] },
        localFallback: { provider: 'local', model: 'llama3.2' },
      }),
    );
  });
  afterAll(async () => {
    await openai.close();
    await ollama.close();
  });

  it('doctor passes when every enabled provider answers, with latency', async () => {
    const run = await runCli(['doctor', '--json', '--config', config], { env: { DOCTOR_TEST_KEY: KEY } });
    expect(run.code).toBe(0);
    const rows = jsonLines(run.stdout);
    expect(rows.map((r) => [r.provider, r.ok])).toEqual([
      ['gpt', true],
      ['local', true],
    ]);
    expect(rows.every((r) => typeof r.latencyMs === 'number')).toBe(true);
  });

  it('doctor exits 1 and shows the provider’s own error for a rejected key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-doctor-'));
    const run = await runCli(['doctor', '--config', config, '--data-dir', dir], { env: { DOCTOR_TEST_KEY: 'sk-wrong-key-000000000000' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL OpenAI .*auth: .*Incorrect API key/);
    expect(run.stdout).toMatch(/ok {3}Ollama/);
    expect(run.stdout).not.toContain('sk-wrong-key-000000000000');
    // Every test of a provider is a call to it, recorded as a probe.
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect(db.prepare('SELECT provider, source, outcome, error_kind FROM attempts ORDER BY provider').all()).toEqual([
      { provider: 'gpt', source: 'probe', outcome: 'error', error_kind: 'auth' },
      { provider: 'local', source: 'probe', outcome: 'ok', error_kind: null },
    ]);
    db.close();
  });

  it('models lists the live models, and the catalog when a provider cannot be reached', async () => {
    const run = await runCli(['models', '--json', '--config', config], { env: { DOCTOR_TEST_KEY: KEY } });
    expect(run.code).toBe(0);
    const [gpt, local] = jsonLines(run.stdout);
    expect(gpt).toMatchObject({ provider: 'gpt', source: 'live' });
    expect((gpt!.models as { id: string }[]).map((m) => m.id)).toEqual(['gpt-4o-mini', 'gpt-4o']);
    expect((local!.models as { id: string }[]).map((m) => m.id)).toEqual(['llama3.2:latest', 'qwen2.5-coder:7b']);
    const offline = await runCli(['models', '--provider', 'gpt', '--json', '--config', config]);
    expect(jsonLines(offline.stdout)[0]).toMatchObject({ provider: 'gpt', source: 'catalog' });
  });

  it('keys: set from stdin, list masked with their source, delete; never on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-keys-'));
    const canary = 'sk-canary-7f3a9b2c4d5e6f708192';
    const set = await runCli(['keys', 'set', 'groq', '--data-dir', dir], { stdin: `${canary}\n` });
    // Without a keychain nothing can be saved, and set says so with exit 1.
    expect(set.code).toBe(process.env.SWITCHBOARD_REQUIRE_KEYCHAIN ? 0 : 1);
    const listed = await runCli(['keys', 'list', '--json', '--data-dir', dir], { env: { OPENAI_API_KEY: 'sk-from-env-1234567890' } });
    const rows = jsonLines(listed.stdout);
    const groq = rows.find((r) => r.provider === 'groq')!;
    // Without a keychain the key lives in memory for that run only, so a second run finds none.
    if (groq.source === 'keychain') expect(groq.masked).toBe('sk-c…8192');
    else expect(groq.source).toBe('none');
    expect(rows.find((r) => r.provider === 'openai')).toMatchObject({ source: 'env', envVar: 'OPENAI_API_KEY', masked: 'sk-f…7890' });
    expect(listed.stdout).not.toContain(canary);
    const deleted = await runCli(['keys', 'delete', 'groq', '--data-dir', dir]);
    expect(deleted.code).toBe(0);
    for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(canary);
    }
  });

  it('keys set refuses an empty stdin and an unknown provider', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-keys-'));
    expect((await runCli(['keys', 'set', 'groq', '--data-dir', dir], { stdin: '' })).code).toBe(2);
    expect((await runCli(['keys', 'set', 'nobody', '--data-dir', dir], { stdin: 'sk-123456789' })).code).toBe(2);
  });
});
