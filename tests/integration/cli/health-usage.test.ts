/**
 * `switchboard health` and `usage` as a script runs them, on a data
 * folder whose attempts table holds a scripted mix of answers and failures.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { KEY, openaiProvider, startRig } from '../health/health-rig.js';
import { jsonLines, runCli } from './run-cli.js';
import { join } from 'node:path';
import { openStorage } from '../../../electron/main/core/store/storage.js';
import { usageRows } from '../../../electron/main/core/usage-report.js';
import { USAGE_GROUPS, usageCsv } from '../../../shared/usage.js';

describe('switchboard health and usage', () => {
  let a: FakeProvider;
  let b: FakeProvider;
  let dataDir: string;
  let config: string;
  const env = { HEALTH_KEY: KEY };

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] }),
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] }),
    ]);
    const settings = {
      providers: [openaiProvider('a', a.baseURL), openaiProvider('b', b.baseURL)],
      routes: { general: [{ provider: 'a', model: 'm1' }, { provider: 'b', model: 'm1' }], code: [{ provider: 'b', model: 'm1' }] },
    };
    const rig = await startRig(settings);
    dataDir = rig.dataDir;
    config = join(dataDir, 'config.json');
    a.script({ type: 'status', status: 500, message: 'upstream exploded' }, { type: 'none' }, { type: 'none' });
    for (let i = 0; i < 3; i++) await rig.send(`hello ${i}`);
    await rig.send('```js\nconst x = 1;\n```', { task: 'code' });
    await rig.close();
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  const table = () => {
    const db = new Database(join(dataDir, 'switchboard.db'), { readonly: true });
    try {
      return db.prepare('SELECT * FROM attempts').all() as Record<string, number | string | null>[];
    } finally {
      db.close();
    }
  };

  it('health prints one JSON line per provider with exactly the documented fields, from the attempts table', async () => {
    const run = await runCli(['health', '--json', '--config', config, '--data-dir', dataDir], { env });
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((l) => Object.keys(l))).toEqual([
      ['provider', 'state', 'successRate', 'ttftMsP50', 'ttftMsP95', 'tokensPerSec', 'requestsToday', 'costTodayUsd', 'lastError'],
      ['provider', 'state', 'successRate', 'ttftMsP50', 'ttftMsP95', 'tokensPerSec', 'requestsToday', 'costTodayUsd', 'lastError'],
    ]);
    const rows = table();
    for (const line of lines) {
      const mine = rows.filter((r) => r.provider === line.provider && r.source !== 'probe');
      const ok = mine.filter((r) => r.outcome === 'ok');
      expect(line.requestsToday).toBe(mine.length);
      expect(line.successRate).toBeCloseTo(ok.length / mine.length, 10);
    }
    expect(lines[0]).toMatchObject({ provider: 'a', state: 'degraded', lastError: { kind: 'server' } });
    expect((lines[0]?.lastError as { message: string }).message).toContain('upstream exploded');
    expect(Object.keys(lines[0]?.lastError as object)).toEqual(['kind', 'message', 'at']);
    expect(lines[1]).toMatchObject({ provider: 'b', state: 'healthy', lastError: null, successRate: 1 });
  }, 60_000);

  it('usage totals and the CSV equal the attempts, grouped every way', async () => {
    const rows = table();
    const tokensOut = rows.reduce((n, r) => n + ((r.tokens_out as number) ?? 0), 0);
    const storage = openStorage(dataDir);
    try {
      for (const by of USAGE_GROUPS) {
        const report = usageRows(storage.attempts, { by }, Date.now());
        expect(report.total).toMatchObject({ requests: rows.length, tokensOut, failures: rows.filter((r) => r.outcome === 'error').length });
        const [header, ...lines] = usageCsv(report).trim().split('\r\n');
        expect(header).toBe(`${by},requests,failures,tokens_in,tokens_out,cost_usd,fallback_rate,hedge_rate,reported_cost_usd`);
        expect(lines.reduce((n, l) => n + Number(l.split(',')[1]), 0)).toBe(rows.length);
        expect(lines.reduce((n, l) => n + Number(l.split(',')[4]), 0)).toBe(tokensOut);
      }
    } finally {
      storage.close();
    }
    // As a script sees it: one JSON line per group, and the same CSV.
    const byProvider = jsonLines((await runCli(['usage', '--by', 'provider', '--json', '--data-dir', dataDir])).stdout);
    expect(byProvider).toEqual([
      expect.objectContaining({ provider: 'a', requests: 3, failures: 1, fallbacks: 0 }),
      expect.objectContaining({ provider: 'b', requests: 2, failures: 0, fallbacks: 1, fallbackRate: 0.5 }),
    ]);
    const csv = await runCli(['usage', '--by', 'task', '--csv', '--data-dir', dataDir]);
    expect(csv.stdout.split('\r\n').slice(1, 3).map((l) => l.split(',').slice(0, 3))).toEqual([
      ['code', '1', '0'],
      ['general', '4', '1'],
    ]);
  }, 60_000);

  it('usage refuses a day that is not on the calendar in one line, exit 2', async () => {
    const bad = await runCli(['usage', '--since', '2025-02-31', '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('switchboard: --since: "2025-02-31" is not a calendar day (use YYYY-MM-DD)');
  }, 60_000);
});
