/**
 * A user with only a local model adds a provider of their own in the real
 * renderer: its key (shown masked, never whole), a connection test that reports
 * the provider's own words when the key is wrong, a route that puts it first,
 * and a chat answered by it. Disabling it later flags its route target; saving
 * budgets says so.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { keychainEnv, launchBrowser, maskedForm, openApp, openSettings, startHost, tempDataDir, type RunningHost } from './harness.js';

const KEY = `sk-e2e-${randomBytes(12).toString('hex')}`;
const WRONG_KEY = `sk-wrong-${randomBytes(12).toString('hex')}`;

describe('adding a provider in Settings and chatting through it', () => {
  let ollama: FakeProvider;
  let acme: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;

  beforeAll(async () => {
    [ollama, acme, browser] = await Promise.all([
      startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }),
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['acme-large'] }),
      launchBrowser(),
    ]);
    const dataDir = tempDataDir({
      providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }],
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    host = await startHost(['--data-dir', dataDir], keychainEnv());
    page = await openApp(browser, host.url);
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await Promise.all([ollama?.close(), acme?.close()]);
  });

  const card = (id: string): Locator => page.locator(`[data-testid="provider-row"][data-provider="${id}"]`);

  async function setKey(key: string): Promise<void> {
    await card('acme').getByTestId('key-input').fill(key);
    await card('acme').getByTestId('key-save').click();
    await expect.poll(() => card('acme').getByTestId('key-status').innerText()).toContain(maskedForm(key));
    expect(await card('acme').getByTestId('key-input').inputValue()).toBe('');
  }

  /** Clicks Test and returns the new result; the old one leaves the page while the test runs. */
  async function testConnection(): Promise<string> {
    const result = card('acme').getByTestId('provider-test-result');
    const old = (await result.count()) > 0 ? await result.elementHandle() : null;
    await card('acme').getByTestId('provider-test').click();
    if (old) await expect.poll(() => old.evaluate((node) => node.isConnected), { timeout: 20_000 }).toBe(false);
    await result.waitFor({ timeout: 20_000 });
    return result.innerText();
  }

  it('adds the provider and its key, tests it, routes to it and gets the answer from it', async () => {
    await openSettings(page, 'providers');
    await page.getByTestId('add-provider').click();
    await page.getByTestId('custom-id').fill('acme');
    await page.getByTestId('custom-name').fill('Acme AI');
    await page.getByTestId('custom-url').fill(acme.baseURL);
    await page.getByTestId('custom-models').fill('acme-large');
    await page.getByTestId('custom-save').click();
    await expect.poll(() => card('acme').locator('h3').innerText()).toBe('Acme AI');
    expect(await card('acme').getByTestId('key-status').innerText()).toMatch(/not set/);

    await setKey(KEY);
    expect(await page.locator('body').innerText()).not.toContain(KEY);
    expect(await page.content()).not.toContain(KEY);

    expect(await testConnection()).toMatch(/^OK in \d+(\.\d+)? m?s/);
    expect(acme.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);

    await setKey(WRONG_KEY);
    const failed = await testConnection();
    // The fake's own 401 words, as OpenAI sends them.
    expect(failed).toMatch(/^The API key was rejected: Incorrect API key provided/);
    expect(failed).not.toContain(WRONG_KEY);

    await setKey(KEY);
    expect(await testConnection()).toMatch(/^OK in /);

    await openSettings(page, 'routing');
    await page.getByTestId('target-add').click();
    await page.getByLabel('Target 1 provider').selectOption('acme');
    await page.getByLabel('Target 1 model').fill('acme-large');
    await page.getByTestId('routing-save').click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    expect(await page.getByTestId('route-target').first().getAttribute('data-flags')).toBe('');

    const chatsBefore = acme.requests.length;
    await page.getByTestId('nav-chat').click();
    await page.getByTestId('composer-input').fill('which provider answers this?');
    await page.getByTestId('send').click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await answer.getByTestId('message-text').innerText()).toBe('Echo: which provider answers this?');
    expect(await answer.getByTestId('message-meta').innerText()).toContain('Acme AI·acme-large');
    const chat = acme.requests.slice(chatsBefore).find((r) => r.messages.some((m) => m.content === 'which provider answers this?'));
    expect(chat?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(chat?.model).toBe('acme-large');
    expect(ollama.requests).toHaveLength(0);
  });

  it('flags the route target of a disabled provider instead of dropping it', async () => {
    await openSettings(page, 'providers');
    // The box follows the saved settings, so it changes once main has saved them.
    await card('acme').getByTestId('provider-enabled').click();
    await expect.poll(() => card('acme').getByTestId('provider-enabled').isChecked()).toBe(false);

    await openSettings(page, 'routing');
    const target = page.getByTestId('route-target').first();
    await expect.poll(() => target.getAttribute('data-flags')).toBe('provider disabled');
    expect(await target.getByTestId('target-flag').innerText()).toBe('provider disabled');
    expect(await page.getByLabel('Target 1 provider').inputValue()).toBe('acme');
  });

  it('adds a catalog provider with its preset URL after the user has settings of their own', async () => {
    await openSettings(page, 'providers');
    expect(await card('groq').count()).toBe(0);
    await page.getByTestId('catalog-preset').selectOption('groq');
    await page.getByTestId('catalog-add').click();
    await expect.poll(() => card('groq').count()).toBe(1);
    expect(await card('groq').innerText()).toContain('https://api.groq.com/openai/v1');
    expect(await card('groq').getByTestId('key-status').innerText()).toMatch(/not set/);
    // Already added, so no longer offered.
    expect(await page.getByTestId('catalog-preset').locator('option[value="groq"]').count()).toBe(0);
  });

  it('says the budgets were saved, and shows them again after leaving the tab', async () => {
    await openSettings(page, 'budgets');
    await page.getByTestId('budget-daily').fill('2.5');
    await page.getByTestId('budgets-save').click();
    // Saving replaces the form with main's copy; the confirmation must outlive that.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    await openSettings(page, 'providers');
    await openSettings(page, 'budgets');
    expect(await page.getByTestId('budget-daily').inputValue()).toBe('2.5');
  });
});
