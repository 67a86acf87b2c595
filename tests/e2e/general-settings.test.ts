/**
 * Settings → General: turning automatic update checks off sticks across a
 * restart, and the log folder is shown (browser mode cannot open a folder), with
 * a log in it that records what happened and no key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { keychainEnv, launchBrowser, openApp, openSettings, startHost, tempDataDir, type RunningHost } from './harness.js';

describe('general settings: updates and logs', () => {
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    [ollama, browser] = await Promise.all([startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }), launchBrowser()]);
    dataDir = tempDataDir({ providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }], localFallback: { provider: 'local', model: 'llama3.2' } });
    host = await startHost(['--data-dir', dataDir], keychainEnv());
    page = await openApp(browser, host.url);
  });
  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await ollama?.close();
  });

  it('keeps "check for updates" off once the user turns it off, across a restart', async () => {
    await openSettings(page, 'general');
    const toggle = page.getByTestId('updates-toggle');
    expect(await toggle.isChecked()).toBe(true);
    // Controlled by the saved settings, so it flips once the save is done.
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await expect.poll(() => page.locator('.general-settings').innerText()).toContain('Automatic update checks are off.');
    await host.stop();
    host = await startHost(['--data-dir', dataDir], keychainEnv());
    page = await openApp(browser, host.url);
    await openSettings(page, 'general');
    expect(await page.getByTestId('updates-toggle').isChecked()).toBe(false);
  });

  it('shows where the log folder is, and the log holds what happened', async () => {
    await openSettings(page, 'general');
    await page.getByTestId('open-log-folder').click();
    const logs = join(dataDir, 'logs');
    await expect.poll(() => page.locator('.general-settings').innerText()).toContain(`Log files are in ${logs}.`);
    const file = join(logs, 'main.log');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toMatch(/\[web\] \[info\]\s+Switchboard .* starting \(web\)/);
  });
});
