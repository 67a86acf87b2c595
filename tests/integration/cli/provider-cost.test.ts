/**
 * OpenRouter reports what each call cost in its stream's last usage message; `ask`
 * shows that figure beside Switchboard's own estimate, and the attempts table
 * keeps both, with the price list the estimate came from.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { openrouterCost } from '../../fake-provider/openrouter-shape.js';
import { MODEL_PRICES } from '../../../shared/catalog/model-prices.data.js';
import { sourcedPriceFor } from '../../../electron/main/core/providers/pricing/pricing.js';
import { jsonLines, runCli } from './run-cli.js';
import { writeConfigFile } from './one-provider-config.js';

const KEY = 'sk-or-v1-test-0123456789abcdef';
const MODEL = 'openai/gpt-4o-mini';

describe('a provider that reports its own cost', () => {
  let fake: FakeProvider;
  let config: string;
  const env = { OPENROUTER_TEST_KEY: KEY };

  beforeAll(async () => {
    fake = await startFakeProvider({ protocol: 'openai', apiKey: KEY, flavor: 'openrouter', openrouterPrice: { prompt: 0.000_002, completion: 0.000_01 } });
    config = writeConfigFile({
      providers: [{ id: 'or', kind: 'openai-compatible', preset: 'openrouter', baseURL: fake.baseURL, apiKeyEnv: 'OPENROUTER_TEST_KEY', models: [MODEL] }],
      routes: { general: [{ provider: 'or', model: MODEL }] },
    });
  });
  afterAll(() => fake.close());

  it('shows the reported cost beside the estimate, and records both with the price list used', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-cli-'));
    const run = await runCli(['ask', '--json', '--config', config, '--data-dir', dataDir, 'what does this cost?'], { env });
    expect(run.code, run.stderr).toBe(0);
    const done = jsonLines(run.stdout).find((l) => l.event === 'done') as { usage: { inputTokens: number; outputTokens: number }; costUsd: number; reportedCostUsd: number };
    const usage = fake.lastUsage;
    expect(usage).toBeDefined();
    expect(done.usage).toEqual(usage);
    const price = sourcedPriceFor('openrouter', MODEL);
    expect(price?.version).toBe(MODEL_PRICES.version);
    const estimate = (done.usage.inputTokens * (price?.inputUsdPerMTok ?? 0) + done.usage.outputTokens * (price?.outputUsdPerMTok ?? 0)) / 1e6;
    expect(done.costUsd).toBeCloseTo(estimate, 12);
    expect(done.reportedCostUsd).toBeCloseTo(openrouterCost(done.usage, { prompt: 0.000_002, completion: 0.000_01 }), 12);
    expect(done.reportedCostUsd).not.toBeCloseTo(done.costUsd, 9);

    const db = new Database(join(dataDir, 'switchboard.db'), { readonly: true });
    const rows = db.prepare('SELECT source, cost_usd, price_version, reported_cost_usd FROM attempts').all();
    db.close();
    expect(rows).toEqual([{ source: 'cli', cost_usd: done.costUsd, price_version: MODEL_PRICES.version, reported_cost_usd: done.reportedCostUsd }]);

    // The usage view and its CSV carry the provider's figure beside the estimate.
    const [line] = jsonLines((await runCli(['usage', '--by', 'provider', '--json', '--data-dir', dataDir])).stdout);
    expect(line).toMatchObject({ provider: 'or', requests: 1, costUsd: done.costUsd, reportedCostUsd: done.reportedCostUsd });
    const csv = (await runCli(['usage', '--by', 'provider', '--csv', '--data-dir', dataDir])).stdout.trim().split('\r\n');
    expect(csv[1]?.split(',').at(-1)).toBe(done.reportedCostUsd.toFixed(6));
  });

  it('says so in the summary line a person reads', async () => {
    const run = await runCli(['ask', '--config', config, '--data-dir', mkdtempSync(join(tmpdir(), 'sb-cli-')), 'hello'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.trim()).toMatch(/^OpenRouter · openai\/gpt-4o-mini · \d+→\d+ tokens · \$[\d.]+ est\. · \$[\d.]+ reported · \d+ ms$/);
  });

  it('streams usage with a cost even when the client never asked for usage, as OpenRouter does', async () => {
    const res = await fetch(`${fake.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    const body = await res.text();
    expect(body.startsWith(': OPENROUTER PROCESSING')).toBe(true);
    const frames = body.split('\n\n').filter((f) => f.startsWith('data: {')).map((f) => JSON.parse(f.slice(6)) as Record<string, unknown>);
    expect(frames.every((f) => typeof f.id === 'string' && /^gen-\d+-\w{20}$/.test(f.id) && f.provider === 'OpenAI')).toBe(true);
    const last = frames.at(-1) as { usage: { cost: number; is_byok: boolean } };
    expect(last.usage.cost).toBeGreaterThan(0);
    expect(last.usage.is_byok).toBe(false);
    expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });
});
