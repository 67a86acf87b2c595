/**
 * OpenRouter says what each call cost in its stream's last usage message; the
 * answer's meta line shows that figure beside Switchboard's own estimate, and
 * still does after a reload, read back from the database.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { formatUsd } from '../../renderer/src/lib/format.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { cleanEnv, launchBrowser, openApp, startHost, tempDataDir, type RunningHost } from './harness.js';

const KEY = 'sk-or-v1-e2e-0123456789abcdef';
const MODEL = 'openai/gpt-4o-mini';

describe('a provider’s own cost on the answer', () => {
  let openrouter: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    [openrouter, browser] = await Promise.all([
      // Its prices differ from the price list's, as an upstream's discount or a BYOK fee would make them.
      startFakeProvider({ protocol: 'openai', apiKey: KEY, flavor: 'openrouter', models: [MODEL], openrouterPrice: { prompt: 0.000_002, completion: 0.000_01 } }),
      launchBrowser(),
    ]);
    dataDir = tempDataDir({
      providers: [{ id: 'or', kind: 'openai-compatible', preset: 'openrouter', baseURL: openrouter.baseURL, apiKeyEnv: 'E2E_OR_KEY', models: [MODEL] }],
      routes: { general: [{ provider: 'or', model: MODEL }], cheap: [{ provider: 'or', model: MODEL }] },
    });
    host = await startHost(['--data-dir', dataDir], cleanEnv({ E2E_OR_KEY: KEY }));
    page = await openApp(browser, host.url);
  });
  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await openrouter?.close();
  });

  const answerRow = () => {
    const db = new Database(join(dataDir, 'switchboard.db'), { readonly: true });
    try {
      return db.prepare("SELECT cost_usd, reported_cost_usd FROM attempts WHERE task_type = 'general' ORDER BY id DESC LIMIT 1").get() as { cost_usd: number; reported_cost_usd: number | null };
    } finally {
      db.close();
    }
  };

  it('shows what the provider reported beside the estimate, and keeps it after a reload', async () => {
    await page.getByTestId('composer-input').fill('what does this answer cost?');
    await page.getByTestId('send').click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    const row = answerRow();
    expect(row.reported_cost_usd).toBeGreaterThan(0);
    expect(row.reported_cost_usd).not.toBeCloseTo(row.cost_usd, 9);
    const expected = `${formatUsd(row.cost_usd)} est. · ${formatUsd(row.reported_cost_usd ?? undefined)} reported by the provider`;
    expect(await answer.getByTestId('message-meta').innerText()).toContain(expected);

    const id = await page.locator('.conversation.active [data-testid="conversation"]').getAttribute('data-conversation');
    await page.reload();
    await page.locator(`[data-testid="conversation"][data-conversation="${id}"]`).click();
    const again = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => again.getByTestId('message-meta').innerText(), { timeout: 10_000 }).toContain(expected);
  });
});
