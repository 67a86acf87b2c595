/**
 * A user who reaches Anthropic through a gateway: they point the provider's base
 * URL at it and add the (non-secret) header it wants, in Settings; the next answer goes
 * through the gateway with that header, and a model only the gateway lists is
 * offered from its live list when a route target's model is picked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { TITLE_INSTRUCTION } from '../../electron/main/core/chat/titles.js';
import { cleanEnv, launchBrowser, openApp, openSettings, startHost, tempDataDir, type RunningHost } from './harness.js';

const KEY = 'sk-ant-e2e-gateway-0123456789';

describe('an Anthropic provider behind a gateway', () => {
  let direct: FakeProvider;
  let gateway: FakeProvider;
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;

  beforeAll(async () => {
    [direct, gateway, ollama, browser] = await Promise.all([
      startFakeProvider({ protocol: 'anthropic', apiKey: KEY, models: ['claude-haiku-4-5'] }),
      startFakeProvider({ protocol: 'anthropic', apiKey: KEY, models: ['claude-haiku-4-5', 'claude-gateway-special'] }),
      startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }),
      launchBrowser(),
    ]);
    const dataDir = tempDataDir({
      providers: [
        { id: 'claude', kind: 'anthropic', baseURL: direct.baseURL, apiKeyEnv: 'E2E_ANTHROPIC_KEY', models: ['claude-haiku-4-5'] },
        { id: 'local', kind: 'ollama', baseURL: ollama.url },
      ],
      routes: { general: [{ provider: 'claude', model: 'claude-haiku-4-5' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    host = await startHost(['--data-dir', dataDir], cleanEnv({ E2E_ANTHROPIC_KEY: KEY }));
    page = await openApp(browser, host.url);
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await Promise.all([direct?.close(), gateway?.close(), ollama?.close()]);
  });

  const card = (): Locator => page.locator('[data-testid="provider-row"][data-provider="claude"]');
  /** The questions a fake was asked, leaving out the title requests made after a first answer. */
  const asked = (f: FakeProvider) => f.requests.filter((r) => r.messages[0]?.content !== TITLE_INSTRUCTION);

  async function send(text: string): Promise<Locator> {
    await page.getByTestId('nav-chat').click();
    await page.getByTestId('new-chat').click();
    await page.getByTestId('composer-input').fill(text);
    await page.getByTestId('send').click();
    const answer = page.locator('[data-role=assistant]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    return answer;
  }

  it('sends to the base URL and headers set in Settings', async () => {
    await send('before the gateway');
    expect(asked(direct).map((r) => r.messages.at(-1)?.content)).toContain('before the gateway');

    await openSettings(page, 'providers');
    await card().getByTestId('provider-edit').click();
    await card().getByTestId('provider-url').fill(gateway.baseURL);
    await card().getByRole('button', { name: 'Add header' }).click();
    await card().getByLabel('Header 1 name').fill('x-gateway-region');
    await card().getByLabel('Header 1 value').fill('eu-west');
    await card().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => card().innerText()).toContain(gateway.baseURL);

    const directBefore = asked(direct).length;
    const answer = await send('through the gateway');
    const last = asked(gateway).at(-1);
    expect(last?.messages.at(-1)?.content).toBe('through the gateway');
    expect(last?.headers['x-gateway-region']).toBe('eu-west');
    expect(asked(direct).length).toBe(directBefore);
    expect(await answer.getByTestId('message-meta').innerText()).toContain('claude-haiku-4-5');
  });

  it('offers the models the provider lists live when a route target is picked, and routes to the one chosen', async () => {
    await openSettings(page, 'routing');
    const model = page.getByTestId('route-target').first().getByTestId('target-model');
    await model.focus();
    const options = page.getByTestId('route-target').first().getByTestId('target-model-options').locator('option');
    await expect.poll(() => options.evaluateAll((os) => os.map((o) => o.getAttribute('value'))), { timeout: 10_000 }).toContain('claude-gateway-special');
    await model.fill('claude-gateway-special');
    await page.getByTestId('routing-save').click();
    await expect.poll(() => page.getByTestId('routing-unsaved').count()).toBe(0);

    const answer = await send('which model is this?');
    expect(asked(gateway).at(-1)?.model).toBe('claude-gateway-special');
    expect(await answer.getByTestId('message-meta').innerText()).toContain('claude-gateway-special');
  });
});
