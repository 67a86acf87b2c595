/**
 * `doctor` and Settings' Test prove what chat needs: a streamed first token
 * within the task's first-token timeout. A provider whose model list answers
 * but whose completions fail, or whose streams stall, must not pass.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { jsonLines, runCli } from './run-cli.js';

const KEY = 'sk-test-doctor-streams-0123456789';
const FIRST_TOKEN_MS = 1500;

describe('doctor and Test stream a real first token', () => {
  let openai: FakeProvider;
  let ollama: FakeProvider;
  let config: string;

  beforeAll(async () => {
    openai = await startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['gpt-4o-mini'] });
    ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] });
    config = join(mkdtempSync(join(tmpdir(), 'sb-cfg-')), 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        providers: [
          { id: 'gpt', kind: 'openai', baseURL: openai.baseURL, apiKeyEnv: 'DOCTOR_STREAM_KEY', models: ['gpt-4o-mini'] },
          { id: 'local', kind: 'ollama', baseURL: ollama.url },
        ],
        routes: { general: [{ provider: 'gpt', model: 'gpt-4o-mini' }] },
        localFallback: { provider: 'local', model: 'llama3.2' },
        taskTypes: { general: { timeouts: { firstTokenMs: FIRST_TOKEN_MS } } },
      }),
    );
  });
  beforeEach(() => {
    openai.reset();
    openai.always(undefined);
  });
  afterAll(async () => {
    await openai.close();
    await ollama.close();
  });

  it('doctor fails a provider whose model list works but whose completion fails, in one line', async () => {
    openai.always({ type: 'status', status: 500, message: 'the completions backend is down' });
    const run = await runCli(['doctor', '--config', config, '--data-dir', mkdtempSync(join(tmpdir(), 'sb-doc-'))], { env: { DOCTOR_STREAM_KEY: KEY } });
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes(' OpenAI '))).toHaveLength(1);
    expect(run.stdout).toMatch(/FAIL OpenAI .*the completions backend is down/);
    expect(run.stdout).toMatch(/ok {3}Ollama/);
    // It got past the model list to the completion, which is what failed.
    expect(openai.requests.length).toBeGreaterThan(0);
  });

  it('doctor fails a provider whose streamed completion stalls before its first token', async () => {
    openai.always({ type: 'stall-before-first-token', ms: 10_000 });
    const run = await runCli(['doctor', '--json', '--config', config, '--data-dir', mkdtempSync(join(tmpdir(), 'sb-doc-'))], { env: { DOCTOR_STREAM_KEY: KEY } });
    expect(run.code).toBe(1);
    const gpt = jsonLines(run.stdout).find((r) => r.provider === 'gpt');
    expect(gpt).toMatchObject({ ok: false, errorKind: 'timeout' });
    expect(String(gpt?.message)).toMatch(/first token|1\.5 s|timed out/i);
    // The chat request it sent was a streamed one, as chat sends.
    expect(openai.requests.map((r) => r.stream)).toEqual([true]);
  }, 20_000);

  it('Settings’ Test says the same, and passes with the first token’s latency when streams work', async () => {
    const core = await createCore({
      host: 'cli',
      dataDir: mkdtempSync(join(tmpdir(), 'sb-test-')),
      configFile: config,
      version: '0.0.0-test',
      env: { DOCTOR_STREAM_KEY: KEY },
      secretStore: new MemorySecretStore(),
      online: () => true,
    });
    try {
      const good = await core.handlers['providers.test']({ provider: 'gpt' }, { senderId: 1 });
      expect(good).toMatchObject({ provider: 'gpt', ok: true });
      openai.always({ type: 'stall-before-first-token', ms: 10_000 });
      const stalled = await core.handlers['providers.test']({ provider: 'gpt' }, { senderId: 1 });
      expect(stalled).toMatchObject({ provider: 'gpt', ok: false, errorKind: 'timeout' });
    } finally {
      await core.close();
    }
  }, 20_000);
});
