/**
 * The built-in engine as a new user meets it, with no key and no Ollama: the
 * first-run card offers a small model, a .gguf file of their own is added in
 * Settings → Local, the chat is answered by it, and the engine's state shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { aboutMb, STARTER_MODEL } from '../../shared/engine-catalog.js';
import { closedPort } from '../engine/closed-port.js';
import { writeTinyModel } from '../engine/tiny-model.js';
import { launchBrowser, openApp, openSettings, startHost, tempDataDir, type RunningHost } from './harness.js';

describe('the built-in engine', () => {
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  const model = writeTinyModel();

  beforeAll(async () => {
    const dataDir = tempDataDir({
      providers: [{ id: 'ollama', kind: 'ollama', baseURL: `http://127.0.0.1:${await closedPort()}` }],
      localFallback: { provider: 'ollama', model: 'llama3.2' },
    });
    [browser, host] = await Promise.all([launchBrowser(), startHost(['--data-dir', dataDir])]);
    page = await openApp(browser, host.url);
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
  });

  it('offers a small model to download as a third first-run choice', async () => {
    const offer = page.getByTestId('setup-engine');
    await expect.poll(() => offer.innerText()).toBe(`Download a small local model (${aboutMb(STARTER_MODEL.sizeBytes)})`);
    await offer.click();
    await expect.poll(() => page.getByTestId('engine-download-start').first().isVisible()).toBe(true);
  });

  it('adds a .gguf file the user has, lists it with its size, and answers the chat with it', async () => {
    await openSettings(page, 'local');
    // A browser tab has no system file picker to hand over a path; the path field is the way.
    expect(await page.getByTestId('engine-choose-file').count()).toBe(0);
    await page.getByTestId('engine-pick-path').fill(model);
    await page.getByTestId('engine-pick').click();
    const row = page.locator(`[data-testid="engine-model"][data-model="${model}"]`);
    await expect.poll(() => row.innerText()).toMatch(/462\.2 KB · your file/);
    expect(await page.getByTestId('engine-status').innerText()).toMatch(/^Not loaded/);

    await page.getByTestId('nav-chat').click();
    await page.getByTestId('composer-input').fill('Is anyone there?');
    await page.getByTestId('send').click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect((await answer.getByTestId('message-text').innerText()).length).toBeGreaterThan(0);
    await answer.getByTestId('trace-toggle').click();
    expect(await answer.getByTestId('trace-engine').innerText()).toBe('Answered by the built-in engine (Ollama not running).');

    await page.getByTestId('nav-health').click();
    await expect.poll(() => page.getByTestId('engine-status').innerText()).toMatch(/^Loaded on the (CPU|GPU \((Metal|Vulkan|CUDA)\)) · [\d.]+ (KB|MB) of memory · \d+ tokens of context · [\d.]+ tokens\/s/);
    await openSettings(page, 'local');
  }, 90_000);

  it('removes a picked file from the list without deleting it, once confirmed', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator(`[data-testid="engine-model"][data-model="${model}"]`).getByTestId('engine-model-delete').click();
    await expect.poll(() => page.getByTestId('engine-model').count()).toBe(0);
    const { existsSync } = await import('node:fs');
    expect(existsSync(model)).toBe(true);
  });
});
