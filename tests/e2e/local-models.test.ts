/**
 * The Local models tab against a fake Ollama, as a user works it: see what is
 * installed, pull a model and watch it finish, cancel another pull, delete a
 * model (only once confirmed), and make a model the local fallback.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { launchBrowser, openApp, openSettings, startHost, tempDataDir, type RunningHost } from './harness.js';

describe('the Local models tab', () => {
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    [ollama, browser] = await Promise.all([
      startFakeProvider({
        protocol: 'ollama',
        models: ['llama3.2:latest', 'qwen2.5-coder:latest'],
        pullable: ['llama3.2:1b', 'gemma3:1b'],
        // About 13 progress lines per pull: long enough to see it move and to cancel midway.
        pullDelayMs: 120,
      }),
      launchBrowser(),
    ]);
    dataDir = tempDataDir({
      providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }],
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    host = await startHost(['--data-dir', dataDir]);
    page = await openApp(browser, host.url);
    await openSettings(page, 'local');
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await ollama?.close();
  });

  const installed = (): Promise<string[]> => page.getByTestId('local-model').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model') ?? ''));
  const job = (): Locator => page.getByTestId('pull-progress');

  it('lists the installed models and says Ollama is running', async () => {
    await expect.poll(installed).toEqual(['llama3.2:latest', 'qwen2.5-coder:latest']);
    expect(await page.getByTestId('ollama-status').innerText()).toMatch(/^Running at http:\/\/127\.0\.0\.1:\d+/);
  });

  it('pulls a model with visible progress until it is done and installed', async () => {
    // Every value the progress bar takes, as the user would see it move.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenProgress: string[] }).seenProgress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="pull-progress"] progress');
        const value = bar?.getAttribute('value');
        if (value && seen.at(-1) !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('pull-model').fill('llama3.2:1b');
    await page.getByTestId('pull-start').click();
    await expect.poll(() => job().getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    expect(await job().getByTestId('pull-status').innerText()).toBe('Done.');
    expect(await job().locator('progress').getAttribute('value')).toBe('100');
    const seen = await page.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress.map(Number));
    expect(seen.some((v) => v > 0 && v < 100)).toBe(true);
    expect(seen.at(-1)).toBe(100);
    await expect.poll(installed).toContain('llama3.2:1b');
    expect(ollama.models).toContain('llama3.2:1b');
  });

  it('cancels a pull midway: it says so and nothing is installed', async () => {
    await page.getByTestId('pull-model').fill('gemma3:1b');
    await page.getByTestId('pull-start').click();
    await job().getByTestId('pull-cancel').click();
    await expect.poll(() => job().getAttribute('data-state'), { timeout: 15_000 }).toBe('cancelled');
    expect(await job().getByTestId('pull-status').innerText()).toBe('Cancelled.');
    expect(await job().locator('progress').getAttribute('value')).not.toBe('100');
    expect(await installed()).not.toContain('gemma3:1b');
    expect(ollama.models).not.toContain('gemma3:1b');
  });

  it('a pull Ollama cannot find stops its bar, says why in words, and installs nothing', async () => {
    await page.getByTestId('pull-model').fill('no-such-model:7b');
    await page.getByTestId('pull-start').click();
    await expect.poll(() => job().getAttribute('data-state'), { timeout: 15_000 }).toBe('failed');
    // A bar without a value keeps moving: an ended pull's bar has one, and it is not 100.
    expect(await job().locator('progress').getAttribute('value')).toBe('0');
    expect(await job().getByTestId('pull-status').innerText()).toMatch(/file does not exist|not found/i);
    expect(await job().getByTestId('pull-cancel').count()).toBe(0);
    expect(await page.getByTestId('pull-start').isEnabled()).toBe(true);
    expect(await installed()).not.toContain('no-such-model:7b');
  });

  it('deletes a model only when the user confirms', async () => {
    const row = (model: string): Locator => page.locator(`[data-testid="local-model"][data-model="${model}"]`);
    page.once('dialog', (dialog) => void dialog.dismiss());
    await row('llama3.2:latest').getByTestId('local-model-delete').click();

    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await row('qwen2.5-coder:latest').getByTestId('local-model-delete').click();
    await expect.poll(() => row('qwen2.5-coder:latest').count()).toBe(0);
    expect(asked).toContain('qwen2.5-coder:latest');
    expect(ollama.models).not.toContain('qwen2.5-coder:latest');
    // Calls are answered in order, so a delete from the dismissed dialog would have happened by now.
    expect(await row('llama3.2:latest').count()).toBe(1);
    expect(ollama.models).toContain('llama3.2:latest');
  });

  it('makes the pulled model the local fallback, and chat then uses it', async () => {
    await page.getByTestId('local-fallback-model').selectOption('llama3.2:1b');
    await page.getByTestId('local-fallback-save').click();
    await expect.poll(() => page.getByRole('region', { name: 'Local fallback' }).getByRole('status').innerText()).toBe('Saved.');
    const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { localFallback?: unknown };
    expect(saved.localFallback).toEqual({ provider: 'local', model: 'llama3.2:1b' });

    await page.getByTestId('nav-chat').click();
    await page.getByTestId('composer-input').fill('hello, small model');
    await page.getByTestId('send').click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await answer.getByTestId('message-meta').innerText()).toContain('Ollama·llama3.2:1b');
    expect(ollama.requests.at(-1)?.model).toBe('llama3.2:1b');
  });
});
