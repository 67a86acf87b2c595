/**
 * The walking skeleton, as a user meets it: type a message in the real renderer
 * (Chromium, browser mode), watch the answer stream from the first target of the
 * route through the real core, and find it again after the host restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { launchBrowser, openApp, startHost, tempDataDir, type RunningHost } from './harness.js';

describe('chat in the browser host', () => {
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost | undefined;
  let dataDir: string;

  beforeAll(async () => {
    ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'], tokenDelayMs: 5 });
    dataDir = tempDataDir({
      providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }],
      routes: { general: [{ provider: 'local', model: 'llama3.2' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await ollama?.close();
  });

  it('streams an answer, and keeps it after a restart', async () => {
    host = await startHost(['--data-dir', dataDir]);
    const page = await openApp(browser, host.url);
    await page.getByTestId('composer-input').fill('hello from the e2e test');
    await page.getByTestId('send').click();

    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await answer.getByTestId('message-text').innerText()).toBe('Echo: hello from the e2e test');
    expect(await answer.getByTestId('message-meta').innerText()).toMatch(/^Ollama·llama3\.2 /);
    // The chat's title is asked for in a request of its own, after the answer.
    const asked = ollama.requests.filter((r) => !r.messages.some((m) => m.role === 'system' && /name conversations/.test(m.content)));
    expect(asked).toHaveLength(1);
    expect(asked[0]!.model).toMatch(/^llama3\.2/);

    // Restart the host on the same data folder: the conversation is still there.
    await host.stop();
    host = await startHost(['--data-dir', dataDir]);
    const again = await openApp(browser, host.url);
    // Its title is now the one generated after the answer, so it is found as the only chat in the list.
    await again.getByTestId('conversation').first().click();
    const kept = again.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => kept.getByTestId('message-text').innerText(), { timeout: 10_000 }).toBe('Echo: hello from the e2e test');
  });

  it('keeps what the user typed and says why when no provider can answer', async () => {
    await ollama.close();
    const page = await openApp(browser, host!.url);
    await page.getByRole('button', { name: /new chat/i }).first().click();
    await page.getByTestId('composer-input').fill('anyone there?');
    // Nothing can answer: Send waits, and the setup card says how to get a provider.
    await page.getByTestId('setup-card').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('setup-card').innerText()).toMatch(/Ollama/);
    expect(await page.getByTestId('send').isDisabled()).toBe(true);
    expect(await page.getByTestId('composer-input').inputValue()).toBe('anyone there?');
  });
});
