/**
 * The health panel as a user meets it in the real renderer: a provider failing
 * three times shows an open circuit with its countdown, its figures equal what
 * the attempts table holds, the answer shows the fallback, and the controls
 * (test all, reset circuit, disable) and the usage view work.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { formatUsd } from '../../renderer/src/lib/format.js';
import { cleanEnv, launchBrowser, openApp, startHost, tempDataDir, type RunningHost } from './harness.js';

const KEY = 'sk-e2e-health-0123456789abcdef';

/** What the host wrote to the attempts table, read as another process would. */
function readTable<T>(dataDir: string, sql: string): T[] {
  const db = new Database(join(dataDir, 'switchboard.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('the health panel', () => {
  let flaky: FakeProvider;
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    [flaky, ollama, browser] = await Promise.all([
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] }),
      startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }),
      launchBrowser(),
    ]);
    dataDir = tempDataDir({
      providers: [
        { id: 'flaky', kind: 'openai-compatible', baseURL: flaky.baseURL, apiKeyEnv: 'E2E_HEALTH_KEY', models: ['m1'] },
        { id: 'local', kind: 'ollama', baseURL: ollama.url },
      ],
      // Titles go through the cheap route; on the local model they leave flaky's scripted failures to the questions.
      routes: { general: [{ provider: 'flaky', model: 'm1' }], cheap: [{ provider: 'local', model: 'llama3.2' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    host = await startHost(['--data-dir', dataDir], cleanEnv({ E2E_HEALTH_KEY: KEY }));
    page = await openApp(browser, host.url);
  });
  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await Promise.all([flaky?.close(), ollama?.close()]);
  });

  const card = (id: string): Locator => page.locator(`[data-testid="health-row"][data-provider="${id}"]`);
  const query = <T,>(sql: string): T[] => readTable<T>(dataDir, sql);
  const attempts = () => query<{ provider: string; outcome: string }>("SELECT provider, outcome FROM attempts WHERE source <> 'probe'");

  it('shows a failing provider’s open circuit and figures equal to the attempts table, and the answer shows the fallback', async () => {
    flaky.script(...Array.from({ length: 3 }, () => ({ type: 'status' as const, status: 500, message: 'upstream is on fire' })));
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('composer-input').fill(`question ${i}`);
      await page.getByTestId('send').click();
      const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
      await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
      await expect.poll(() => answer.locator('.fallbacks').innerText()).toMatch(/flaky → Ollama/);
    }
    await page.getByTestId('nav-health').click();
    await expect.poll(() => card('flaky').getAttribute('data-state'), { timeout: 10_000 }).toBe('circuit_open');
    expect(await card('flaky').getByTestId('countdown').innerText()).toMatch(/^probe in \d+s$/);
    const rows = attempts();
    const mine = rows.filter((r) => r.provider === 'flaky');
    expect(await card('flaky').getByTestId('success-rate').innerText()).toBe(`${Math.round((100 * mine.filter((r) => r.outcome === 'ok').length) / mine.length)}% of ${mine.length}`);
    expect(await card('flaky').getByTestId('today').innerText()).toMatch(new RegExp(`^${mine.length} req`));
    expect(await card('flaky').getByTestId('last-error').innerText()).toContain('upstream is on fire');
    const local = rows.filter((r) => r.provider === 'local');
    expect(await card('local').getByTestId('success-rate').innerText()).toBe(`100% of ${local.length}`);
    expect(await card('flaky').locator('svg.latency-chart g.bar.error').count()).toBe(3);
  });

  it('resets the circuit, tests every connection side by side, and turns a provider off', async () => {
    await card('flaky').getByRole('button', { name: 'Reset circuit' }).click();
    await expect.poll(() => card('flaky').getAttribute('data-state')).toBe('down');
    await page.getByRole('button', { name: 'Test all connections' }).click();
    await expect.poll(() => page.getByTestId('provider-test-result').count(), { timeout: 20_000 }).toBe(2);
    expect(await card('flaky').getByTestId('provider-test-result').innerText()).toMatch(/^OK in .*first token/);
    await card('flaky').getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => card('flaky').getAttribute('data-state')).toBe('disabled');
    await card('flaky').getByRole('button', { name: 'Enable' }).click();
    await expect.poll(() => card('flaky').getAttribute('data-state')).not.toBe('disabled');
  });

  it('shows usage by provider with totals equal to the attempts, and exports the CSV', async () => {
    await page.getByRole('tab', { name: 'Usage' }).click();
    await page.getByLabel('Group by').selectOption('provider');
    const all = query<{ provider: string; n: number }>('SELECT provider, count(*) AS n FROM attempts GROUP BY provider ORDER BY provider');
    for (const { provider, n } of all) {
      await expect.poll(async () => (await page.locator(`[data-testid="usage-row"][data-key="${provider}"] td`).nth(1).innerText()).trim()).toMatch(new RegExp(`^${n}\\b`));
    }
    const total = all.reduce((s, r) => s + r.n, 0);
    expect((await page.locator('[data-testid="usage-row"][data-key="total"] td').nth(1).innerText()).trim()).toMatch(new RegExp(`^${total}\\b`));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^switchboard-usage-by-provider-since-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it("adjusts a provider's weight in the routes that use it, says what it does, and keeps it after a reload", async () => {
    await page.getByRole('tab', { name: 'Providers' }).click();
    const weights = card('flaky').getByTestId('route-weights');
    await weights.locator('summary').click();
    const field = weights.getByLabel('Weight in general (m1)');
    await field.fill('0');
    await weights.getByRole('button', { name: 'Save weights' }).click();
    expect(await weights.getByRole('alert').innerText()).toMatch(/above 0/);
    await field.fill('2');
    await weights.getByRole('button', { name: 'Save weights' }).click();
    await expect.poll(() => weights.getByRole('status').innerText()).toBe('Saved.');
    // Alone in its route, a weight changes nothing, and the card says so rather than pretend.
    expect(await weights.getByTestId('weight-effect').innerText()).toBe('no effect until a target next to it has a weight too');
    await page.reload();
    await page.getByTestId('nav-health').click();
    const again = card('flaky').getByTestId('route-weights');
    await again.locator('summary').click();
    await expect.poll(() => again.getByLabel('Weight in general (m1)').inputValue()).toBe('2');
    expect(await card('local').getByTestId('route-weights').locator('summary').innerText()).toBe('Route weights (1)');
  });
});

describe('the health panel’s states', () => {
  let strict: FakeProvider;
  let limited: FakeProvider;
  let good: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    [strict, limited, good, browser] = await Promise.all([
      // It expects another key than the one configured: every call gets its real 401.
      startFakeProvider({ protocol: 'openai', apiKey: 'sk-e2e-some-other-key-000000', models: ['m1'] }),
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] }),
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['gpt-4o-mini'] }),
      launchBrowser(),
    ]);
    const provider = (id: string, fake: FakeProvider) => ({ id, kind: 'openai-compatible' as const, baseURL: fake.baseURL, apiKeyEnv: 'E2E_HEALTH_KEY', models: ['m1'] });
    dataDir = tempDataDir({
      // Kind openai: the price list knows gpt-4o-mini, so the answers cost something to show.
      providers: [provider('strict', strict), provider('limited', limited), { ...provider('good', good), kind: 'openai', models: ['gpt-4o-mini'] }],
      routes: {
        general: [{ provider: 'strict', model: 'm1' }, { provider: 'limited', model: 'm1' }, { provider: 'good', model: 'gpt-4o-mini' }],
        cheap: [{ provider: 'good', model: 'gpt-4o-mini' }],
      },
      budgets: { dailyUsd: 0.01, monthlyUsd: 5 },
    });
    host = await startHost(['--data-dir', dataDir], cleanEnv({ E2E_HEALTH_KEY: KEY }));
    page = await openApp(browser, host.url);
  });
  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await Promise.all([strict?.close(), limited?.close(), good?.close()]);
  });

  const card = (id: string): Locator => page.locator(`[data-testid="health-row"][data-provider="${id}"]`);

  it('shows a rejected key with the provider’s words, and a rate limit with the time it ends', async () => {
    limited.script({ type: 'status', status: 429, headers: { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m30s' } });
    await page.getByTestId('composer-input').fill('who answers this?');
    await page.getByTestId('send').click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    await page.getByTestId('nav-health').click();
    await expect.poll(() => card('strict').getAttribute('data-state'), { timeout: 10_000 }).toBe('key_rejected');
    expect(await card('strict').getByTestId('health-state').innerText()).toBe('key rejected');
    expect(await card('strict').getByTestId('last-error').innerText()).toMatch(/Incorrect API key provided/);
    expect(await card('limited').getAttribute('data-state')).toBe('rate_limited');
    expect(await card('limited').getByTestId('health-state').innerText()).toBe('rate-limited');
    const countdown = card('limited').getByTestId('countdown');
    expect(await countdown.innerText()).toMatch(/^until 1m \d\ds$/);
    // The countdown ends when the reset header said: 90 s after the 429 arrived.
    const [failed] = readTable<{ started_at: number; total_ms: number }>(dataDir, "SELECT started_at, total_ms FROM attempts WHERE provider = 'limited'");
    const received = (failed?.started_at ?? 0) + (failed?.total_ms ?? 0);
    const until = Number(await countdown.getAttribute('data-until'));
    expect(until).toBeGreaterThanOrEqual(Math.floor(received) + 90_000 - 1);
    expect(until).toBeLessThanOrEqual(received + 90_000 + 50);
    expect(await card('good').getAttribute('data-state')).toBe('healthy');
  });

  it('shows each provider’s cost today and this month as the attempts table sums them', async () => {
    const sums = (provider: string) =>
      readTable<{ today: number; month: number }>(
        dataDir,
        `SELECT coalesce(sum(CASE WHEN started_at >= ${startOfToday()} THEN cost_usd END), 0) AS today, coalesce(sum(cost_usd), 0) AS month FROM attempts WHERE provider = '${provider}' AND started_at >= ${startOfMonth()}`,
      )[0];
    await expect.poll(async () => {
      const s = sums('good');
      return (s?.today ?? 0) > 0 && (await card('good').getByTestId('cost').innerText()) === `${formatUsd(s?.today)} / ${formatUsd(s?.month)}`;
    }).toBe(true);
    expect(await card('strict').getByTestId('cost').innerText()).toBe('$0 / $0');
  });

  it('updates while open as a message is answered in another window, without a reload', async () => {
    const requestsOf = (provider: string) => readTable<{ n: number }>(dataDir, `SELECT count(*) AS n FROM attempts WHERE provider = '${provider}' AND source <> 'probe' AND started_at >= ${startOfToday()}`)[0]?.n ?? 0;
    const before = requestsOf('good');
    await expect.poll(() => card('good').getByTestId('today').innerText()).toMatch(new RegExp(`^${before} req`));
    // A reload would lose this: the figures below must arrive over the open connection.
    await page.evaluate(() => Object.assign(window, { stayedOpen: true }));
    const other = await openApp(browser, host.url);
    try {
      await other.getByTestId('composer-input').fill('asked from another window');
      await other.getByTestId('send').click();
      const answer = other.locator('[data-testid="message"][data-role="assistant"]').last();
      await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    } finally {
      await other.close();
    }
    await expect.poll(() => requestsOf('good')).toBeGreaterThan(before);
    await expect.poll(async () => (await card('good').getByTestId('today').innerText()).startsWith(`${requestsOf('good')} req`), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await card('good').locator('svg.latency-chart g.bar').count()) === requestsOf('good')).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { stayedOpen?: boolean }).stayedOpen)).toBe(true);
  });

  it('shows the share of requests each provider took, and the budgets’ progress, as the attempts table holds them', async () => {
    await page.getByRole('tab', { name: 'Usage' }).click();
    const counts = readTable<{ provider: string; n: number }>(dataDir, `SELECT provider, count(*) AS n FROM attempts WHERE started_at >= ${startOfMonth()} GROUP BY provider`);
    const total = counts.reduce((n, c) => n + c.n, 0);
    await expect.poll(() => page.getByTestId('usage-share').count()).toBe(counts.length);
    for (const { provider, n } of counts) {
      // Named as the cards name it: "OpenAI" for the provider of kind openai.
      const name = provider === 'good' ? 'OpenAI' : provider;
      expect((await page.locator(`[data-testid="usage-share"][data-provider="${provider}"]`).innerText()).trim()).toBe(`${name} ${Math.round((100 * n) / total)}% (${n})`);
    }
    const spent = readTable<{ today: number; month: number }>(
      dataDir,
      `SELECT coalesce(sum(CASE WHEN started_at >= ${startOfToday()} THEN cost_usd END), 0) AS today, coalesce(sum(cost_usd), 0) AS month FROM attempts WHERE started_at >= ${startOfMonth()}`,
    )[0];
    const today = page.getByLabel('Today budget used');
    expect(Number(await today.getAttribute('max'))).toBe(0.01);
    expect(Number(await today.getAttribute('value'))).toBeCloseTo(Math.min(spent?.today ?? 0, 0.01), 9);
    const month = page.getByLabel('This month budget used');
    expect(Number(await month.getAttribute('max'))).toBe(5);
    expect(Number(await month.getAttribute('value'))).toBeCloseTo(spent?.month ?? 0, 9);
    expect(await page.locator('.budget').last().innerText()).toContain(`${formatUsd(spent?.month)} of ${formatUsd(5)}`);
  });
});

function startOfToday(): number {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function startOfMonth(): number {
  const d = new Date();
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}
