import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { jsonLines, runCli } from './run-cli.js';

const KEY = 'sk-test-cli-0123456789abcdef';

describe('switchboard ask', () => {
  let openai: FakeProvider;
  let ollama: FakeProvider;
  let config: string;
  const dataDir = () => mkdtempSync(join(tmpdir(), 'sb-cli-'));

  beforeAll(async () => {
    openai = await startFakeProvider({ protocol: 'openai', apiKey: KEY });
    ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] });
    config = join(mkdtempSync(join(tmpdir(), 'sb-cfg-')), 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        providers: [
          { id: 'gpt', kind: 'openai', baseURL: openai.baseURL, apiKeyEnv: 'CLI_TEST_OPENAI_KEY', models: ['gpt-4o-mini'] },
          { id: 'local', kind: 'ollama', baseURL: ollama.url },
        ],
        routes: { general: [{ provider: 'gpt', model: 'gpt-4o-mini' }], code: [{ provider: 'gpt', model: 'gpt-4o' }] },
        localFallback: { provider: 'local', model: 'llama3.2' },
      }),
    );
  });
  beforeEach(() => {
    openai.reset();
    ollama.reset();
  });
  afterAll(async () => {
    await openai.close();
    await ollama.close();
  });

  it('streams the answer to stdout and one summary line to stderr', async () => {
    const run = await runCli(['ask', '--config', config, '--data-dir', dataDir(), 'hello there'], { env: { CLI_TEST_OPENAI_KEY: KEY } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Echo: hello there\n');
    const summary = run.stderr.trim().split('\n');
    expect(summary[0]).not.toMatch(/after/);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatch(/^OpenAI · gpt-4o-mini · \d+→\d+ tokens · \$[\d.]+ · \d+ ms$/);
  });

  it('writes the JSON Lines contract: attempt, deltas, done with usage, cost and attempts', async () => {
    const run = await runCli(['ask', '--json', '--config', config, '--data-dir', dataDir(), 'hi json'], { env: { CLI_TEST_OPENAI_KEY: KEY } });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines[0]).toEqual({ event: 'attempt', provider: 'gpt', model: 'gpt-4o-mini' });
    const deltas = lines.filter((l) => l.event === 'delta').map((l) => l.text).join('');
    expect(deltas).toBe('Echo: hi json');
    const done = lines.at(-1)!;
    expect(done).toMatchObject({ event: 'done', provider: 'gpt', model: 'gpt-4o-mini', taskType: 'general', text: 'Echo: hi json' });
    expect(done.usage).toEqual({ inputTokens: openai.lastUsage!.inputTokens, outputTokens: openai.lastUsage!.outputTokens });
    expect(done.costUsd).toBeGreaterThan(0);
    expect(typeof done.ttftMs).toBe('number');
    expect(typeof done.latencyMs).toBe('number');
    expect(done.attempts).toEqual([{ provider: 'gpt', model: 'gpt-4o-mini', outcome: 'ok', errorKind: null, status: null, ms: expect.any(Number) }]);
  });

  it('falls back to the local model and says why, when the cloud provider is rate limited', async () => {
    openai.script({ type: 'status', status: 429, retryAfter: '30' });
    const run = await runCli(['ask', '--json', '--config', config, '--data-dir', dataDir(), 'busy?'], { env: { CLI_TEST_OPENAI_KEY: KEY } });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => l.event).filter((e) => e !== 'delta')).toEqual(['attempt', 'fallback', 'attempt', 'done']);
    expect(lines.find((l) => l.event === 'fallback')).toMatchObject({ from: 'gpt', to: 'local' });
    expect(lines.at(-1)).toMatchObject({ provider: 'local', text: 'Echo: busy?', costUsd: 0 });
    expect((lines.at(-1)!.attempts as unknown[])[0]).toMatchObject({ outcome: 'error', errorKind: 'rate_limited', status: 429 });
  });

  it('names the failed provider in the one summary line when it fell back', async () => {
    openai.script({ type: 'status', status: 429, retryAfter: '30' });
    const run = await runCli(['ask', '--config', config, '--data-dir', dataDir(), 'busy?'], { env: { CLI_TEST_OPENAI_KEY: KEY } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Echo: busy?\n');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Ollama · llama3\.2 · .* · after OpenAI: rate_limited$/)]);
  });

  it('does not call a provider again inside its Retry-After, even after a restart', async () => {
    const dir = dataDir();
    openai.script({ type: 'status', status: 429, retryAfter: '60' });
    await runCli(['ask', '--config', config, '--data-dir', dir, 'one'], { env: { CLI_TEST_OPENAI_KEY: KEY } });
    const second = await runCli(['ask', '--json', '--config', config, '--data-dir', dir, 'two'], { env: { CLI_TEST_OPENAI_KEY: KEY } });
    expect(openai.requests).toHaveLength(1);
    expect(jsonLines(second.stdout).at(-1)).toMatchObject({ event: 'done', provider: 'local' });
  });

  it('says in one line what was tried and what to do, with exit 1, when nothing can answer', async () => {
    openai.always({ type: 'status', status: 503 });
    await ollama.close();
    const run = await runCli(['ask', '--config', config, '--data-dir', dataDir(), 'hello?'], { env: { CLI_TEST_OPENAI_KEY: KEY } });
    openai.always(undefined);
    ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'], port: ollama.port });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^switchboard: .*not running either: install Ollama.*ollama pull llama3\.2.* \[tried gpt\/gpt-4o-mini: overloaded, local\/llama3\.2: network\]$/);
  });

  it('ends with an error event and exit 1 when nothing can answer', async () => {
    openai.always({ type: 'status', status: 500 });
    ollama.always({ type: 'status', status: 500 });
    const run = await runCli(['ask', '--json', '--config', config, '--data-dir', dataDir(), 'anyone?'], { env: { CLI_TEST_OPENAI_KEY: KEY } });
    openai.always(undefined);
    ollama.always(undefined);
    expect(run.code).toBe(1);
    const last = jsonLines(run.stdout).at(-1)!;
    expect(last).toMatchObject({ event: 'error', errorKind: expect.any(String), message: expect.any(String) });
    expect((last.attempts as { provider: string }[]).map((a) => a.provider)).toEqual(['gpt', 'local']);
  });

  it('routes --task code to its own route, and --provider pins a provider', async () => {
    const code = await runCli(['ask', '--json', '--task', 'code', '--config', config, '--data-dir', dataDir(), 'x'], { env: { CLI_TEST_OPENAI_KEY: KEY } });
    expect(jsonLines(code.stdout).at(-1)).toMatchObject({ model: 'gpt-4o', taskType: 'code' });
    const pinned = await runCli(['ask', '--json', '--provider', 'local', '--model', 'llama3.2', '--config', config, '--data-dir', dataDir(), 'y'], {
      env: { CLI_TEST_OPENAI_KEY: KEY },
    });
    expect(jsonLines(pinned.stdout).at(-1)).toMatchObject({ provider: 'local' });
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['ask', '--nope', 'x'], /Unknown option '--nope'/],
    [['ask', '--task', 'poetry', 'x'], /unknown task type "poetry"/],
    [['ask', '--provider', 'nobody', 'x'], /unknown provider "nobody"/],
    [['ask', '--model', 'm', 'x'], /--model needs --provider/],
    [['ask'], /ask needs a prompt/],
  ])('usage error %j: one line, exit 2, no stack trace', async (args, message) => {
    const run = await runCli([...args, '--config', config, '--data-dir', dataDir()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the wrong field of an invalid config, and a file that is not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-cfg-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ providers: [{ id: 'x', kind: 'openai', baseURL: 'localhost:1234' }] }));
    const invalid = await runCli(['ask', '--config', bad, 'x']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr.trim()).toMatch(/providers\[0\]\.baseURL: must be a full http\(s\) URL/);
    writeFileSync(bad, '{ not json');
    const garbage = await runCli(['doctor', '--config', bad]);
    expect(garbage.code).toBe(2);
    expect(garbage.stderr.trim()).toMatch(/not valid JSON/);
    const missing = await runCli(['models', '--config', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/config file not found/);
  });
});
