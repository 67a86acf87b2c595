/**
 * Issue 17 as a user meets it in Chromium: a chat named after its first answer
 * and renamed, found again by search with the hit opened at its message, a new
 * chat from a preset whose system prompt reaches the provider, and compare with
 * four columns: one fails, one is stopped on its own, two finish. Screenshots at 900×600 and
 * 1600×1000 are kept in test-artifacts/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { ARTIFACTS, cleanEnv, launchBrowser, openAppAt900, startHost, tempDataDir, type RunningHost } from './harness.js';

const KEY = 'sk-test-e2e-compare-0123456789abcd';
const namesChats = (req: { messages: { role: string; content: string }[] }) => req.messages.some((m) => m.role === 'system' && /name conversations/.test(m.content));

describe('conversations, presets and compare in the browser host', () => {
  let gpt: FakeProvider;
  let ollama: FakeProvider;
  let broken: FakeProvider;
  let slow: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;

  beforeAll(async () => {
    gpt = await startFakeProvider({
      protocol: 'openai',
      apiKey: KEY,
      reply: (req) => (namesChats(req) ? 'Monad basics' : `Echo: ${req.messages[req.messages.length - 1]?.content ?? ''}`),
      // Paced, so an answer takes time to stream and its tokens/s can be measured.
      tokenDelayMs: 15,
    });
    ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'], tokenDelayMs: 15, reply: () => 'A local answer, streamed a few characters at a time.' });
    // Slow enough to be stopped long before it would end.
    slow = await startFakeProvider({ protocol: 'openai', apiKey: KEY, tokenDelayMs: 250, reply: () => 'slow '.repeat(200) });
    broken = await startFakeProvider({ protocol: 'openai', apiKey: KEY });
    broken.always({ type: 'status', status: 500 });
    const dataDir = tempDataDir({
      providers: [
        { id: 'gpt', kind: 'openai', baseURL: gpt.baseURL, apiKeyEnv: 'E2E_KEY', models: ['gpt-4o-mini'] },
        { id: 'broken', kind: 'openai-compatible', baseURL: broken.baseURL, apiKeyEnv: 'E2E_KEY', models: ['m1'] },
        { id: 'local', kind: 'ollama', baseURL: ollama.url, models: ['llama3.2'] },
        { id: 'slow', kind: 'openai-compatible', baseURL: slow.baseURL, apiKeyEnv: 'E2E_KEY', models: ['s1'] },
        // Enabled but its key was never given: not set up, so no picker offers it.
        { id: 'nokey', kind: 'openai-compatible', baseURL: gpt.baseURL, apiKeyEnv: 'E2E_MISSING_KEY', models: ['m2'] },
      ],
      routes: { general: [{ provider: 'gpt', model: 'gpt-4o-mini' }], cheap: [{ provider: 'gpt', model: 'gpt-4o-mini' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
      presets: [{ id: 'pirate', name: 'Pirate', systemPrompt: 'Talk like a pirate.' }],
    });
    browser = await launchBrowser();
    host = await startHost(['--data-dir', dataDir], cleanEnv({ E2E_KEY: KEY }));
    page = await openAppAt900(browser, host.url);
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await Promise.all([gpt, ollama, broken, slow].map((f) => f?.close()));
  });

  const answerDone = async () => {
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
  };

  it('names a chat after its first answer, and keeps the user\'s rename', async () => {
    await page.getByTestId('composer-input').fill('What is a **monad**, in short?');
    await page.getByTestId('send').click();
    await answerDone();
    const item = page.getByTestId('conversation').first();
    await expect.poll(() => item.innerText(), { timeout: 10_000 }).toBe('Monad basics');
    await item.focus();
    await page.keyboard.press('F2');
    await page.getByTestId('rename-input').fill('My monad notes');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('conversation').first().innerText()).toBe('My monad notes');
    expect(await page.getByRole('region', { name: 'Today' }).count()).toBe(1);
  });

  it('finds a message by search, highlights the match, and opens the chat at it', async () => {
    await page.getByTestId('new-chat').click();
    await page.getByTestId('composer-input').fill('Something else entirely');
    await page.getByTestId('send').click();
    await answerDone();
    await page.getByTestId('search').fill('monad');
    const hit = page.getByTestId('search-hit').first();
    await expect.poll(() => hit.locator('mark').first().innerText(), { timeout: 10_000 }).toMatch(/monad/i);
    const messageId = await hit.getAttribute('data-message');
    await hit.click();
    await expect.poll(() => page.locator(`[data-testid="message"][data-message="${messageId}"]`).count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('search').fill('');
  });

  it('starts a chat from a preset whose system prompt reaches the provider', async () => {
    await page.getByTestId('new-chat').click();
    await page.getByTestId('preset-select').selectOption('pirate');
    await page.getByTestId('composer-input').fill('Hello there');
    await page.getByTestId('send').click();
    await answerDone();
    const request = gpt.requests.filter((r) => !namesChats(r)).at(-1)!;
    expect(request.messages[0]).toEqual({ role: 'system', content: 'Talk like a pirate.' });
    await page.screenshot({ path: join(ARTIFACTS, 'chat-900x600.png') });
  });

  it('offers only set-up providers in the composer\'s and compare\'s pickers, the keyless local one included', async () => {
    const options = await page.getByTestId('provider-override').locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(['', 'gpt', 'broken', 'local', 'slow']);
    await page.getByTestId('nav-compare').click();
    const targets = await page.getByTestId('compare-target').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(targets).toEqual(['gpt/gpt-4o-mini', 'broken/m1', 'local/llama3.2', 'slow/s1']);
    await page.getByTestId('nav-chat').click();
  });

  it('compares targets side by side: one fails in plain words, one is stopped on its own, the others finish with their figures, and the picked one continues', async () => {
    await page.getByTestId('new-chat').click();
    await page.getByTestId('nav-compare').click();
    for (const value of ['gpt/gpt-4o-mini', 'broken/m1', 'local/llama3.2', 'slow/s1']) await page.locator(`[data-testid="compare-target"][value="${value}"]`).check();
    await page.getByTestId('compare-input').fill('Compare this');
    await page.getByTestId('compare-send').click();
    const columns = page.getByTestId('compare-column');
    const column = (provider: string) => page.locator(`[data-testid="compare-column"][data-provider="${provider}"]`);
    await expect.poll(() => columns.count()).toBe(4);

    await expect.poll(() => column('slow').getByTestId('compare-text').innerText(), { timeout: 20_000 }).toMatch(/^slow/);
    await column('slow').getByTestId('compare-stop').click();
    await expect
      .poll(() => columns.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-provider')}:${e.getAttribute('data-status')}`)), { timeout: 20_000 })
      .toEqual(['gpt:done', 'broken:error', 'local:done', 'slow:cancelled']);
    expect(await column('slow').getByTestId('compare-text').innerText()).toMatch(/^slow/);
    expect(await column('slow').getByTestId('compare-pick').count()).toBe(0);
    expect(await column('slow').getByTestId('compare-stopped').isVisible()).toBe(true);

    const failed = column('broken');
    expect(await failed.getByTestId('error').innerText()).toMatch(/^broken had an error on its side\.$/i);
    const details = failed.getByTestId('error-details');
    expect(await details.getAttribute('open')).toBeNull();
    await details.locator('summary').click();
    expect(await details.innerText()).toMatch(/HTTP 500/);
    expect(broken.requests.length).toBeGreaterThan(0);

    for (const provider of ['gpt', 'local']) {
      const ok = column(provider);
      expect(await ok.getByTestId('compare-latency').innerText()).toMatch(/^\d+ ms$|^\d+\.\d+ s$/);
      expect(await ok.getByTestId('compare-rate').innerText()).toMatch(/^\d+\.\d$/);
      expect(await ok.getByTestId('compare-cost').innerText()).toMatch(/^\$\d/);
    }
    await page.setViewportSize({ width: 1600, height: 1000 });
    await page.screenshot({ path: join(ARTIFACTS, 'compare-1600x1000.png') });
    await page.setViewportSize({ width: 900, height: 600 });
    await page.screenshot({ path: join(ARTIFACTS, 'compare-900x600.png') });

    await column('gpt').getByTestId('compare-pick').click();
    await expect.poll(() => page.getByTestId('composer-input').isVisible(), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('composer-input').fill('And then?');
    await page.getByTestId('send').click();
    await answerDone();
    const last = gpt.requests.filter((r) => !namesChats(r)).at(-1)!;
    expect(last.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(last.messages[1]?.content).toBe('Echo: Compare this');
  });

  it('the browser host serves a favicon', async () => {
    const response = await fetch(new URL('/favicon.ico', host.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
  });
});
