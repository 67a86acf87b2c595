/**
 * The usage view's figures and its CSV export are aggregates of the attempts
 * table: for a scripted mix of priced answers, failures, fallbacks and a
 * provider that reports its own cost, every CSV column of every grouping sums
 * to what the rows hold, each provider's share of the requests is its count
 * over the total, and the budgets' progress is the spend the rows record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE_GROUPS, usageCsv, type UsageGroup } from '../../../shared/usage.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { KEY, openaiProvider, startRig, type HealthRig } from './health-rig.js';

interface Row {
  provider: string;
  model: string;
  source: string;
  task_type: string | null;
  outcome: string;
  started_at: number;
  tokens_in: number | null;
  tokens_out: number | null;
  cost_usd: number | null;
  reported_cost_usd: number | null;
  fallback: number;
  hedge: number;
}

const localDay = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The grouping each `--by` names, written out here rather than taken from the code under test. */
const KEY_OF: Record<UsageGroup, (r: Row) => string> = {
  day: (r) => localDay(r.started_at),
  provider: (r) => r.provider,
  model: (r) => `${r.provider}/${r.model}`,
  task: (r) => r.task_type ?? '(none)',
  source: (r) => r.source,
};

describe('usage totals', () => {
  let priced: FakeProvider;
  let openrouter: FakeProvider;
  let plain: FakeProvider;
  let rig: HealthRig;
  let rows: Row[];

  beforeAll(async () => {
    [priced, openrouter, plain] = await Promise.all([
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['gpt-4o-mini'] }),
      startFakeProvider({ protocol: 'openai', apiKey: KEY, flavor: 'openrouter', models: ['openai/gpt-4o-mini'] }),
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] }),
    ]);
    rig = await startRig({
      providers: [
        { ...openaiProvider('priced', priced.baseURL, ['gpt-4o-mini']), kind: 'openai' },
        { ...openaiProvider('or', openrouter.baseURL, ['openai/gpt-4o-mini']), preset: 'openrouter' },
        openaiProvider('plain', plain.baseURL),
      ],
      routes: {
        general: [{ provider: 'priced', model: 'gpt-4o-mini' }, { provider: 'plain', model: 'm1' }],
        code: [{ provider: 'or', model: 'openai/gpt-4o-mini' }, { provider: 'priced', model: 'gpt-4o-mini' }],
      },
      budgets: { dailyUsd: 0.5, monthlyUsd: 20 },
    });
    priced.script({ type: 'none' }, { type: 'status', status: 500, message: 'a bad moment' }, { type: 'none' }, { type: 'status', status: 503 });
    for (let i = 0; i < 4; i++) await rig.send(`general question number ${i}, with a few words in it`);
    openrouter.script({ type: 'none' }, { type: 'status', status: 502, message: 'upstream provider error' }, { type: 'none' });
    for (let i = 0; i < 3; i++) await rig.send('```ts\nconst answer = 42;\n```\nwhat does this do?', { task: 'code' });
    await rig.core.pool.test('plain');
    rows = rig.rows() as unknown as Row[];
  });
  afterAll(async () => {
    await rig.close();
    await Promise.all([priced.close(), openrouter.close(), plain.close()]);
  });

  it('has the mix it is meant to check', () => {
    expect(rows.filter((r) => r.outcome === 'error').length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.fallback === 1)).toBe(true);
    expect(rows.some((r) => (r.cost_usd ?? 0) > 0)).toBe(true);
    expect(rows.some((r) => (r.reported_cost_usd ?? 0) > 0)).toBe(true);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['chat', 'probe']));
  });

  for (const by of USAGE_GROUPS) {
    it(`exports a CSV by ${by} whose every column equals the attempts grouped by hand`, async () => {
      const report = await rig.core.handlers['usage.get']({ by }, { senderId: 1 });
      const [header, ...lines] = usageCsv(report).trim().split('\r\n');
      expect(header).toBe(`${by},requests,failures,tokens_in,tokens_out,cost_usd,fallback_rate,hedge_rate,reported_cost_usd`);
      const groups = new Map<string, Row[]>();
      for (const r of rows) groups.set(KEY_OF[by](r), [...(groups.get(KEY_OF[by](r)) ?? []), r]);
      const expected = [...groups.entries()]
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([key, group]) => {
          const sum = (pick: (r: Row) => number | null) => group.reduce((n, r) => n + (pick(r) ?? 0), 0);
          const reported = group.some((r) => r.reported_cost_usd !== null) ? sum((r) => r.reported_cost_usd).toFixed(6) : '';
          return [
            key,
            String(group.length),
            String(group.filter((r) => r.outcome === 'error').length),
            String(sum((r) => r.tokens_in)),
            String(sum((r) => r.tokens_out)),
            sum((r) => r.cost_usd).toFixed(6),
            (sum((r) => r.fallback) / group.length).toFixed(4),
            (sum((r) => r.hedge) / group.length).toFixed(4),
            reported,
          ].join(',');
        });
      expect(lines).toEqual(expected);
      expect(report.total.requests).toBe(rows.length);
      expect(report.total.costUsd).toBeCloseTo(rows.reduce((n, r) => n + (r.cost_usd ?? 0), 0), 12);
    });
  }

  it('gives each provider its share of the requests, whatever the grouping', async () => {
    const report = await rig.core.handlers['usage.get']({ by: 'day' }, { senderId: 1 });
    const count = (p: string) => rows.filter((r) => r.provider === p).length;
    expect(report.shares.map((s) => s.provider)).toEqual(['priced', 'or', 'plain'].sort((x, y) => count(y) - count(x) || x.localeCompare(y)));
    for (const s of report.shares) {
      expect(s.requests).toBe(count(s.provider));
      expect(s.share).toBeCloseTo(count(s.provider) / rows.length, 12);
    }
    expect(report.shares.reduce((n, s) => n + s.share, 0)).toBeCloseTo(1, 12);
  });

  it('measures the budgets against the spend the rows record today and this month', async () => {
    const report = await rig.core.handlers['usage.get']({ by: 'provider' }, { senderId: 1 });
    const spent = rows.reduce((n, r) => n + (r.cost_usd ?? 0), 0);
    expect(spent).toBeGreaterThan(0);
    expect(report.budgets).toEqual({ dailyUsd: 0.5, monthlyUsd: 20, spentTodayUsd: expect.closeTo(spent, 12), spentMonthUsd: expect.closeTo(spent, 12) });
  });
});
