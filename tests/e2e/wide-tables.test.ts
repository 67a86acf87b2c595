/**
 * Issue 17's tables at 900×600 in Chromium: a wide table (a markdown one in an
 * answer, the attempts under "Why this provider?", Health's usage, the quotas
 * in settings) scrolls sideways in its own wrapper instead of squeezing its
 * cells into tall columns of one word a line.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { ARTIFACTS, cleanEnv, launchBrowser, openAppAt900, openSettings, seedConversation, startHost, tempDataDir, type RunningHost } from './harness.js';

const KEY = 'sk-test-e2e-tables-0123456789abcdef';
const HEADERS = ['Provider name', 'Model family', 'Context window', 'Input price', 'Output price', 'Median latency', 'Tokens per second', 'Region served'];
const WIDE_TABLE = [
  `| ${HEADERS.join(' | ')} |`,
  `|${HEADERS.map(() => '---').join('|')}|`,
  ...[1, 2, 3].map((i) => `| ${HEADERS.map((h) => `${h.toLowerCase()} value ${i}`).join(' | ')} |`),
].join('\n');

/** How many lines the tallest cell's text takes, and whether the wrapper scrolls sideways. */
function shape(wrap: Locator): Promise<{ tallestLines: number; overflowX: string; scrolls: boolean; scrolledBy: number }> {
  return wrap.evaluate((el) => {
    const lines = [...el.querySelectorAll('th, td')].map((cell) => {
      const s = getComputedStyle(cell);
      const line = s.lineHeight.endsWith('px') ? parseFloat(s.lineHeight) : parseFloat(s.fontSize) * 1.2;
      return (cell.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)) / line;
    });
    el.scrollLeft = 80;
    const scrolledBy = el.scrollLeft;
    el.scrollLeft = 0;
    return { tallestLines: Math.max(...lines), overflowX: getComputedStyle(el).overflowX, scrolls: el.scrollWidth > el.clientWidth, scrolledBy };
  });
}

describe('wide tables at 900×600', () => {
  let flaky: FakeProvider;
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;

  beforeAll(async () => {
    [flaky, ollama, browser] = await Promise.all([
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['m1'] }),
      startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }),
      launchBrowser(),
    ]);
    const dataDir = tempDataDir({
      providers: [
        { id: 'flaky', kind: 'openai-compatible', name: 'Flaky Cloud', baseURL: flaky.baseURL, apiKeyEnv: 'E2E_TABLES_KEY', models: ['m1'] },
        { id: 'local', kind: 'ollama', baseURL: ollama.url },
      ],
      routes: { general: [{ provider: 'flaky', model: 'm1' }], cheap: [{ provider: 'local', model: 'llama3.2' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
      quotas: { flaky: { requestsPerDay: 1000 } },
    });
    seedConversation(dataDir, 'A wide table', 2, (i) => (i === 0 ? 'Compare the providers in a table' : WIDE_TABLE));
    host = await startHost(['--data-dir', dataDir], cleanEnv({ E2E_TABLES_KEY: KEY }));
    page = await openAppAt900(browser, host.url);
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await Promise.all([flaky?.close(), ollama?.close()]);
  });

  const pageOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('a markdown table in an answer keeps its cells to a line or two and scrolls in its wrapper', async () => {
    await page.locator('.conversation-open', { hasText: 'A wide table' }).first().click();
    const wrap = page.locator('.markdown .table-wrap').first();
    await wrap.waitFor();
    const s = await shape(wrap);
    expect(s.tallestLines).toBeLessThanOrEqual(2.5);
    expect(s).toMatchObject({ overflowX: 'auto', scrolls: true });
    expect(s.scrolledBy).toBeGreaterThan(0);
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
  });

  it('the attempts under "Why this provider?" scroll rather than stack a long error a word a line', async () => {
    flaky.script({ type: 'status', status: 500 });
    await page.getByTestId('new-chat').click();
    await page.getByTestId('composer-input').fill('Hello');
    await page.getByTestId('send').click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    await answer.getByTestId('trace-toggle').click();
    const wrap = answer.locator('.trace .table-wrap');
    await expect.poll(() => wrap.locator('tbody tr').count(), { timeout: 10_000 }).toBe(2);
    const s = await shape(wrap);
    expect(s.tallestLines).toBeLessThanOrEqual(2.5);
    expect(s).toMatchObject({ overflowX: 'auto', scrolls: true });
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
    await wrap.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'attempts-table-900x600.png') });
  });

  it('Health\'s usage table and the quotas in settings keep their cells to a line or two', async () => {
    await page.getByTestId('nav-health').click();
    await page.getByRole('tab', { name: 'Usage' }).click();
    await page.getByLabel('Group by').selectOption('model');
    const usage = page.locator('.health .table-wrap');
    await expect.poll(() => usage.locator('[data-testid="usage-row"]').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    expect((await shape(usage)).tallestLines).toBeLessThanOrEqual(2.5);
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'usage-table-900x600.png') });

    await openSettings(page, 'budgets');
    const quotas = page.locator('[aria-label="Quotas"] .table-wrap');
    await quotas.waitFor();
    expect((await shape(quotas)).overflowX).toBe('auto');
    expect(await pageOverflow()).toBeLessThanOrEqual(0);
  });
});
