/**
 * Issue 17's first run and errors in Chromium: with nothing that can answer,
 * Send is off and the setup card says what to do; a failure reads as one plain
 * sentence with the provider's own words behind Details, once; a dismissed
 * banner stays dismissed after a reload.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { launchBrowser, openApp, startHost, tempDataDir, type RunningHost } from './harness.js';

describe('first run and errors in the browser host', () => {
  let browser: Browser | undefined;
  let host: RunningHost | undefined;
  let ollama: FakeProvider | undefined;

  afterEach(async () => {
    await host?.stop();
    await browser?.close();
    await ollama?.close().catch(() => undefined);
    host = browser = ollama = undefined;
  });

  async function start(ollamaUrl: string, prepare?: (dataDir: string) => void) {
    const dataDir = tempDataDir({ providers: [{ id: 'local', kind: 'ollama', baseURL: ollamaUrl }], localFallback: { provider: 'local', model: 'llama3.2' } });
    prepare?.(dataDir);
    browser = await launchBrowser();
    host = await startHost(['--data-dir', dataDir]);
    return openApp(browser, host.url);
  }

  it('turns Send off and shows the setup card while nothing can answer, keeping what was typed', async () => {
    // A port nothing listens on: the fake is closed before the host starts.
    const gone = await startFakeProvider({ protocol: 'ollama' });
    const url = gone.url;
    await gone.close();
    const page = await start(url);
    await page.getByTestId('setup-card').waitFor();
    expect(await page.getByTestId('setup-card').innerText()).toMatch(/Add an API key|Install Ollama/);
    await page.getByTestId('composer-input').fill('anyone there?');
    expect(await page.getByTestId('send').isDisabled()).toBe(true);
    await page.getByTestId('composer-input').press('Enter');
    await page.waitForTimeout(300);
    expect(await page.locator('[data-testid="message"]').count()).toBe(0);
    expect(await page.getByTestId('composer-input').inputValue()).toBe('anyone there?');
  });

  it('says what failed in one plain sentence, with the details behind a disclosure, once', async () => {
    ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] });
    const page = await start(ollama.url);
    // Send is on both before anything is known and once Ollama answers; only the
    // empty chat's invitation says Ollama was reached, so wait for that before stopping it.
    await page.getByText('Ask anything').waitFor({ timeout: 10_000 });
    await page.getByTestId('composer-input').fill('hello?');
    expect(await page.getByTestId('send').isDisabled()).toBe(false);
    const where = new URL(ollama.url).host;
    await ollama.close();
    ollama = undefined;
    await page.getByTestId('send').click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 30_000 }).toBe('error');
    expect(await answer.getByTestId('error').innerText()).toBe(`Ollama isn't running at ${where}.`);
    const details = answer.getByTestId('error-details');
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await details.locator('summary').click();
    const shown = await answer.innerText();
    expect(shown).toMatch(/ECONNREFUSED/);
    // Said once: the sentence, then each attempt's own words, with nothing repeated.
    expect(shown.match(/ECONNREFUSED/g)).toHaveLength(1);
    expect(shown.match(/isn't running/g)).toHaveLength(1);
    // Nothing can answer now: the chat says how to set one up, and Send waits for it.
    await page.getByTestId('setup-card').waitFor({ timeout: 10_000 });
    await page.getByTestId('composer-input').fill('again?');
    expect(await page.getByTestId('send').isDisabled()).toBe(true);
  });

  it('keeps a dismissed banner dismissed after a reload', async () => {
    ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] });
    // A damaged database is moved aside with a notice.
    const page = await start(ollama.url, (dir) => writeFileSync(join(dir, 'switchboard.db'), 'this is not a database, it is garbage '.repeat(200)));
    const banner = page.locator('[data-testid="banner"][data-notice="storage.damaged"]');
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    expect(await banner.count()).toBe(0);
    await page.reload();
    await page.getByTestId('new-chat').waitFor();
    // The notices come with the app's info, read at load with everything else; the composer's Send is the last of it.
    await expect.poll(() => page.getByTestId('send').getAttribute('title'), { timeout: 5000 }).toBeNull();
    await page.waitForTimeout(1000);
    expect(await banner.count()).toBe(0);
  });
});
