/**
 * Settings → API in the real renderer: turned on, it serves the user's routes
 * on the chosen port behind the token it shows; rotating the token locks the
 * old one out; turned off, the port closes.
 */
import { createServer } from 'node:net';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { keychainEnv, launchBrowser, openApp, openSettings, startHost, tempDataDir, type RunningHost } from './harness.js';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('the API section of Settings', () => {
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;

  beforeAll(async () => {
    [ollama, browser] = await Promise.all([startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }), launchBrowser()]);
    const dataDir = tempDataDir({
      providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }],
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    host = await startHost(['--data-dir', dataDir], keychainEnv());
    page = await openApp(browser, host.url);
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await ollama?.close();
  });

  const token = async () => {
    if ((await page.getByRole('button', { name: 'Show' }).count()) > 0) await page.getByRole('button', { name: 'Show' }).click();
    return page.getByTestId('api-token').innerText();
  };

  it('is off by default, and once on serves the routes behind the token it shows', { timeout: 60_000 }, async () => {
    await openSettings(page, 'api');
    await expect.poll(() => page.getByTestId('api-status').innerText()).toBe('Off');
    const port = await freePort();
    await page.getByTestId('api-enabled').check();
    await page.getByTestId('api-port').fill(String(port));
    await page.getByTestId('api-save').click();
    await expect.poll(() => page.getByTestId('api-status').innerText(), { timeout: 10_000 }).toBe(`Running at http://127.0.0.1:${port}/v1`);

    const first = await token();
    const client = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: first, maxRetries: 0 });
    const reply = await client.chat.completions.create({ model: 'switchboard/auto', messages: [{ role: 'user', content: 'via settings' }] });
    expect(reply.choices[0]?.message.content).toBe('Echo: via settings');
    expect(await page.getByText('OpenAI SDK (Python)').count()).toBe(1);

    await page.getByTestId('api-token-rotate').click();
    await expect.poll(token).not.toBe(first);
    await expect(client.models.list()).rejects.toMatchObject({ status: 401 });
    expect((await new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: await token(), maxRetries: 0 }).models.list()).data.length).toBeGreaterThan(0);

    await page.getByTestId('api-enabled').uncheck();
    await page.getByTestId('api-save').click();
    await expect.poll(() => page.getByTestId('api-status').innerText(), { timeout: 10_000 }).toBe('Off');
    await expect(fetch(`http://127.0.0.1:${port}/v1/models`)).rejects.toThrow();
  });
});
