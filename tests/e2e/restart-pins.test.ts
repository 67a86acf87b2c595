/**
 * Issue 17 across a real restart of the headless host: a draft typed into the
 * composer is there again when a new host is started on the same data folder
 * (and the same port, so the page has the same origin and finds its storage),
 * and pinning a conversation with its pin button moves it to the Pinned group.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { cleanEnv, launchBrowser, openApp, seedConversation, startHost, tempDataDir, type RunningHost } from './harness.js';

/** A port free right now, for a host that must come back on the same one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('drafts across a host restart, and pinning', () => {
  let ollama: FakeProvider;
  let browser: Browser;
  let context: BrowserContext;
  let host: RunningHost;
  let page: Page;
  let args: string[];
  let older: string;

  beforeAll(async () => {
    [ollama, browser] = await Promise.all([startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }), launchBrowser()]);
    const dataDir = tempDataDir({
      providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }],
      routes: { general: [{ provider: 'local', model: 'llama3.2' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    older = seedConversation(dataDir, 'An older chat', 2, (i) => `older ${i}`, 'older-');
    seedConversation(dataDir, 'Another chat', 2, (i) => `another ${i}`, 'another-');
    args = ['--data-dir', dataDir, '--port', String(await freePort())];
    host = await startHost(args, cleanEnv());
    context = await browser.newContext();
    page = await openApp(context, host.url);
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await ollama?.close();
  });

  const composer = () => page.getByTestId('composer-input');
  const row = (title: string) => page.getByTestId('conversation').filter({ hasText: title });
  const group = (name: string) => page.getByRole('region', { name }).getByTestId('conversation');

  it('moves a conversation to the Pinned group with its pin button', async () => {
    await row('An older chat').waitFor();
    expect(await group('Pinned').count()).toBe(0);
    await page.locator(`[data-conversation="${older}"]`).locator('xpath=..').getByTestId('pin').click();
    await expect.poll(() => group('Pinned').allInnerTexts()).toEqual(['An older chat']);
    expect(await group('Earlier').allInnerTexts()).toEqual(['Another chat']);
    expect(await page.locator(`[data-conversation="${older}"]`).locator('xpath=..').getByTestId('pin').getAttribute('aria-pressed')).toBe('true');
  });

  it('keeps the drafts of a new chat and of a conversation through a restart of the host', async () => {
    await row('Another chat').click();
    await composer().fill('half a thought for another chat');
    await page.getByTestId('new-chat').click();
    await composer().fill('the start of a new chat');
    // Kept once typing pauses; what the page stored is what a restart has to find.
    const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('switchboard.draft.')).length);
    await expect.poll(stored, { timeout: 10_000 }).toBe(2);

    await host.stop();
    host = await startHost(args, cleanEnv());
    await page.goto(host.url);
    await expect.poll(() => composer().inputValue(), { timeout: 10_000 }).toBe('the start of a new chat');
    await row('Another chat').click();
    await expect.poll(() => composer().inputValue(), { timeout: 10_000 }).toBe('half a thought for another chat');
    // The pin was stored by the first host, so the second shows it too.
    expect(await group('Pinned').allInnerTexts()).toEqual(['An older chat']);
  });
});
