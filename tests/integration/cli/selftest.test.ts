/**
 * `switchboard selftest` as a person or a script runs it: the built-in prompts
 * through `auto` on the configured routes (fake providers behind the real SDKs),
 * a line per prompt and the summary; `--dry-run` sends nothing.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { jsonLines, runCli } from './run-cli.js';
import { writeConfigFile } from './one-provider-config.js';

const KEY = 'sk-test-selftest-0123456789abcdef';
const LANGUAGES = ['chinese', 'japanese', 'korean', 'russian'];

describe('switchboard selftest', () => {
  let general: FakeProvider;
  let coder: FakeProvider;
  let local: FakeProvider;
  let config: string;
  const env = { SELFTEST_KEY: KEY };
  const dataDir = () => mkdtempSync(join(tmpdir(), 'sb-selftest-'));

  beforeAll(async () => {
    [general, coder, local] = await Promise.all([
      startFakeProvider({ protocol: 'openai', apiKey: KEY, chunkSize: 256 }),
      startFakeProvider({ protocol: 'openai', apiKey: KEY, flavor: 'openrouter' }),
      startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }),
    ]);
    config = writeConfigFile({
      providers: [
        { id: 'gpt', kind: 'openai', baseURL: general.baseURL, apiKeyEnv: 'SELFTEST_KEY', models: ['gpt-4o-mini'] },
        { id: 'or', kind: 'openai-compatible', preset: 'openrouter', baseURL: coder.baseURL, apiKeyEnv: 'SELFTEST_KEY', models: ['openai/gpt-4o-mini'] },
        { id: 'local', kind: 'ollama', baseURL: local.url },
      ],
      routes: {
        general: [{ provider: 'gpt', model: 'gpt-4o-mini' }],
        'long-context': [{ provider: 'gpt', model: 'gpt-4o-mini' }],
        code: [{ provider: 'or', model: 'openai/gpt-4o-mini' }],
        multilingual: [{ provider: 'local', model: 'llama3.2' }],
      },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
  });
  beforeEach(() => {
    for (const fake of [general, coder, local]) fake.reset();
  });
  afterAll(async () => {
    await Promise.all([general.close(), coder.close(), local.close()]);
  });

  it('sends every built-in prompt through auto and reports detection, provider, speed and cost, then a summary that adds up', async () => {
    const dir = dataDir();
    const run = await runCli(['selftest', '--json', '--config', config, '--data-dir', dir], { env });
    expect(run.code, run.stderr).toBe(0);
    const lines = jsonLines(run.stdout);
    const prompts = lines.filter((l) => l.event === 'prompt') as Record<string, unknown>[];
    const summary = lines.at(-1) as { event: string; prompts: number; agreed: number; agreement: number; successRate: number; providers: Record<string, number>; byExpected: Record<string, { agreed: number; of: number }> };
    expect(prompts.length).toBeGreaterThanOrEqual(24);
    const categories = new Set(prompts.map((p) => p.category));
    for (const c of ['math', 'code', 'science', 'logic', 'creative', 'long-context', ...LANGUAGES]) expect(categories).toContain(c);

    for (const p of prompts) {
      expect(p.ok, JSON.stringify(p)).toBe(true);
      expect(p.ttftMs).toEqual(expect.any(Number));
      expect(p.costUsd).toEqual(expect.any(Number));
      // Each went where its detected type's route points.
      const route = { code: 'or', multilingual: 'local' }[p.detected as string] ?? 'gpt';
      expect(p.provider, String(p.id)).toBe(route);
    }
    // What a reader checks: code goes to code, the four languages to multilingual, the long log to long-context.
    const detected = (category: string) => prompts.filter((p) => p.category === category).map((p) => p.detected);
    const byId = (id: string) => prompts.find((p) => p.id === id)?.detected;
    expect([byId('code-fence'), byId('code-traceback')]).toEqual(['code', 'code']);
    expect(new Set(LANGUAGES.flatMap(detected))).toEqual(new Set(['multilingual']));
    expect(new Set(detected('long-context'))).toEqual(new Set(['long-context']));
    // OpenRouter's own figure rides along where it reported one.
    expect(prompts.filter((p) => p.provider === 'or').every((p) => typeof p.reportedCostUsd === 'number')).toBe(true);

    expect(summary.event).toBe('summary');
    expect(summary.prompts).toBe(prompts.length);
    expect(summary.agreed).toBe(prompts.filter((p) => p.detected === p.expected).length);
    expect(summary.agreement).toBeCloseTo(summary.agreed / summary.prompts, 10);
    expect(summary.successRate).toBe(1);
    expect(summary.providers).toEqual({ gpt: general.requests.length, local: local.requests.length, or: coder.requests.length });
    expect(Object.values(summary.byExpected).reduce((n, r) => n + r.of, 0)).toBe(prompts.length);

    // Every call is on record as the CLI's, so quotas and budgets count it.
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    const sources = db.prepare('SELECT source, count(*) AS n FROM attempts GROUP BY source').all();
    db.close();
    expect(sources).toEqual([{ source: 'cli', n: prompts.length }]);
  }, 120_000);

  it('--dry-run sends nothing and shows where each prompt would go, matching where the real run sent it', async () => {
    const run = await runCli(['selftest', '--dry-run', '--json', '--config', config, '--data-dir', dataDir()], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(general.requests.length + coder.requests.length + local.requests.length).toBe(0);
    const prompts = jsonLines(run.stdout).filter((l) => l.event === 'prompt');
    expect(prompts.length).toBeGreaterThanOrEqual(24);
    const code = prompts.find((p) => p.id === 'code-traceback') as { detected: string; provider: string; chain: { provider: string }[]; reason: string };
    expect(code).toMatchObject({ detected: 'code', provider: 'or' });
    expect(code.reason).toMatch(/^auto → code/);
    // The chain still ends at the local model.
    expect(code.chain.at(-1)?.provider).toBe('local');
  });

  it('prints a line per prompt and the summary in words, and exits 1 when a prompt gets no answer', async () => {
    general.always({ type: 'status', status: 500, message: 'upstream exploded' });
    local.always({ type: 'status', status: 500, message: 'model crashed' });
    const run = await runCli(['selftest', '--config', config, '--data-dir', dataDir()], { env });
    general.always(undefined);
    local.always(undefined);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines.find((l) => l.startsWith('code-fence'))).toMatch(/code\s+= code\s+or\/openai\/gpt-4o-mini\s+ttft \d+ ms\s+[\d.]+ tok\/s\s+\$[\d.]+ est\. · \$[\d.]+ reported/);
    // Each failure says why in the provider's words, and what was tried (gpt's circuit opens after its first failures).
    expect(lines.find((l) => l.startsWith('math-quadratic'))).toMatch(/reasoning\s+= reasoning\s+failed: .* \[tried gpt\/gpt-4o-mini: server, local\/llama3\.2: server\]$/);
    expect(lines.find((l) => l.startsWith('science-tides'))).toMatch(/general\s+= general\s+failed: .*model crashed.* \[tried .*local\/llama3\.2: server\]$/);
    // A disagreement is shown as one: a one-line SQL query is not yet seen as code.
    expect(lines.find((l) => l.startsWith('code-sql'))).toMatch(/general\s+≠ code/);
    const tail = lines.slice(-3);
    expect(tail[0]).toMatch(/^detection agreed with the expected type on \d+ of \d+ \(\d+%\): /);
    expect(tail[1]).toMatch(/^answered: \d+ of \d+ \(\d+%\)$/);
    expect(tail[2]).toBe(`providers used: or ×${lines.filter((l) => / or\//.test(l)).length}`);
  }, 120_000);
});
