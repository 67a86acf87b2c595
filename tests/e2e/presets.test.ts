/**
 * Issue 17's presets as a user meets them in Chromium: a preset made in
 * Settings (wrong numbers answered in words), a chat started from it whose
 * messages go to an OpenAI-compatible host, Anthropic and Ollama in turn, each
 * checked at the fake for where that API takes the system prompt, temperature
 * and output limit; the chat's own system prompt changed mid-way; the preset
 * deleted from the keyboard while chats keep working; and the tab read-only
 * under --config. A screenshot of the tab is kept in test-artifacts/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider, type RecordedChat } from '../fake-provider/index.js';
import { ARTIFACTS, cleanEnv, launchBrowser, openApp, openSettings, startHost, startLocalApp, tempDataDir, type LocalApp, type RunningHost } from './harness.js';

const KEY = 'sk-test-e2e-presets-0123456789abcd';
const PROMPT = 'You review code. Answer in one short paragraph.';
const EDITED = 'You review code like a pirate.';
const namesChats = (req: RecordedChat) => req.messages.some((m) => m.role === 'system' && /name conversations/.test(m.content));
/** The chat requests a fake received, without the one that names a new chat. */
const chats = (fake: FakeProvider) => fake.requests.filter((r) => !namesChats(r));

describe('presets made in Settings reach all three wire protocols', () => {
  let compat: FakeProvider;
  let claude: FakeProvider;
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;

  beforeAll(async () => {
    [compat, claude, ollama, browser] = await Promise.all([
      startFakeProvider({ protocol: 'openai', apiKey: KEY, models: ['compat-1'] }),
      startFakeProvider({ protocol: 'anthropic', apiKey: KEY }),
      startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }),
      launchBrowser(),
    ]);
    const dataDir = tempDataDir({
      providers: [
        { id: 'compat', kind: 'openai-compatible', name: 'Compat Cloud', baseURL: compat.baseURL, apiKeyEnv: 'E2E_KEY', models: ['compat-1'] },
        { id: 'claude', kind: 'anthropic', name: 'Claude', baseURL: claude.baseURL, apiKeyEnv: 'E2E_KEY', models: ['claude-haiku-4-5'] },
        { id: 'local', kind: 'ollama', baseURL: ollama.url, models: ['llama3.2'] },
      ],
      routes: { general: [{ provider: 'compat', model: 'compat-1' }], code: [{ provider: 'compat', model: 'compat-1' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    host = await startHost(['--data-dir', dataDir], cleanEnv({ E2E_KEY: KEY }));
    page = await openApp(browser, host.url);
    await page.setViewportSize({ width: 1200, height: 800 });
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await Promise.all([compat, claude, ollama].map((f) => f?.close()));
  });

  /** Sends from the composer and returns the chat request that reached `fake` for it. */
  async function send(text: string, fake: FakeProvider): Promise<RecordedChat> {
    const before = chats(fake).length;
    await page.getByTestId('composer-input').fill(text);
    await page.getByTestId('send').click();
    await expect.poll(() => chats(fake).length, { timeout: 20_000 }).toBe(before + 1);
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    return chats(fake).at(-1)!;
  }

  async function pickProvider(id: string): Promise<void> {
    await page.getByTestId('provider-override').selectOption(id);
    await expect.poll(() => page.getByTestId('provider-override').inputValue()).toBe(id);
  }

  it('makes a preset in Settings, answering out-of-range numbers in words and marking the edits unsaved', async () => {
    await openSettings(page, 'presets');
    await page.getByTestId('presets-empty').waitFor();
    await page.getByTestId('preset-new').click();
    const form = page.getByTestId('preset-form');

    // Saving without a name says so and puts the cursor there.
    await page.getByTestId('preset-save').click();
    expect(await form.getByTestId('preset-problem-name').innerText()).toBe('Give the preset a name.');
    expect(await page.getByTestId('preset-name').evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByTestId('preset-name').fill('Code reviewer');
    expect(await form.getByTestId('preset-problem-name').count()).toBe(0);
    await page.getByTestId('preset-system-prompt').fill(PROMPT);
    await page.getByTestId('preset-task-type').selectOption('code');
    await page.getByTestId('preset-temperature').fill('3');
    await page.getByTestId('preset-max-tokens').fill('0');
    expect(await form.getByTestId('preset-problem-temperature').innerText()).toBe('Temperature is 0 to 2.');
    expect(await form.getByTestId('preset-problem-maxOutputTokens').innerText()).toBe('The longest answer is at least 1 token.');
    await page.getByTestId('preset-max-tokens').fill('2.5');
    expect(await form.getByTestId('preset-problem-maxOutputTokens').innerText()).toBe('The longest answer is a whole number of tokens.');

    // Not saved while wrong: the first wrong field gets the cursor, and the edits stay marked.
    await page.getByTestId('preset-save').click();
    expect(await page.getByTestId('preset-temperature').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('preset-item').count()).toBe(0);
    expect(await page.getByTestId('preset-unsaved').innerText()).toBe('Unsaved changes');
    expect(await page.getByTestId('tab-presets').locator('.unsaved-dot').count()).toBe(1);

    // Leaving the tab asks first; keeping the edits keeps them.
    await page.getByTestId('tab-routing').click();
    await page.getByTestId('leave-guard').waitFor();
    await page.getByTestId('leave-stay').click();
    expect(await page.getByTestId('preset-name').inputValue()).toBe('Code reviewer');

    await page.getByTestId('preset-temperature').fill('0.4');
    await page.getByTestId('preset-max-tokens').fill('256');
    expect(await form.locator('[data-testid^="preset-problem-"]').count()).toBe(0);
    await page.getByTestId('preset-save').click();
    await expect.poll(() => page.getByTestId('preset-saved').textContent(), { timeout: 10_000 }).toBe('Saved the preset “Code reviewer”.');
    expect(await page.getByTestId('preset-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-preset')))).toEqual(['code-reviewer']);
    expect(await page.getByTestId('preset-unsaved').count()).toBe(0);
    expect(await page.getByTestId('tab-presets').locator('.unsaved-dot').count()).toBe(0);
    // Saved as typed: the form shows main's copy again.
    expect(await page.getByTestId('preset-temperature').inputValue()).toBe('0.4');
    expect(await page.getByTestId('preset-task-type').inputValue()).toBe('code');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'settings-presets-1200x800.png') });
  });

  it('starts a chat from it; OpenAI-compatible, Anthropic and Ollama each get the prompt and settings their own way', async () => {
    await page.getByTestId('nav-chat').click();
    await page.getByTestId('new-chat').click();
    await page.getByTestId('preset-select').selectOption('code-reviewer');
    // The preset's task type is the new chat's.
    expect(await page.getByTestId('task-select').inputValue()).toBe('code');

    // Routed (the code route): an OpenAI-compatible host.
    const openai = await send('Review: let x = 1', compat);
    expect(openai.body.messages).toEqual([
      { role: 'system', content: PROMPT },
      { role: 'user', content: 'Review: let x = 1' },
    ]);
    expect(openai.body.temperature).toBe(0.4);
    expect(openai.body.max_tokens).toBe(256);

    // Anthropic: the top-level `system` field, never a message; its own max_tokens.
    await pickProvider('claude');
    const anthropic = await send('Review: const y = 2', claude);
    expect(anthropic.body.system).toBe(PROMPT);
    expect((anthropic.body.messages as { role: string }[]).map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(anthropic.body.max_tokens).toBe(256);

    // Ollama: a system message first, the numbers under `options`.
    await pickProvider('local');
    const local = await send('Review: var z = 3', ollama);
    expect((local.body.messages as unknown[])[0]).toEqual({ role: 'system', content: PROMPT });
    expect((local.body.messages as { role: string }[]).filter((m) => m.role === 'system')).toHaveLength(1);
    expect(local.body.options).toEqual({ temperature: 0.4, num_predict: 256 });
  });

  it("changes the chat's own system prompt, and the next request carries the new one", async () => {
    const setup = page.getByTestId('chat-setup');
    expect(await setup.locator('summary').innerText()).toBe(`System prompt: “${PROMPT}”`);
    await setup.locator('summary').click();
    expect(await page.getByTestId('chat-generation').innerText()).toBe('Sent with every answer: temperature 0.4 · longest answer 256 tokens');
    // Too long is said where it is typed, and not saved.
    await page.getByTestId('system-prompt').fill('x'.repeat(20_001));
    expect(await page.getByTestId('system-prompt-problem').innerText()).toBe('A system prompt can be at most 20,000 characters; this one has 20,001.');
    expect(await page.getByTestId('save-system-prompt').isDisabled()).toBe(true);
    await page.getByTestId('system-prompt').fill(EDITED);
    expect(await page.getByTestId('system-prompt-problem').count()).toBe(0);
    await page.getByTestId('save-system-prompt').click();
    await expect.poll(() => setup.locator('summary').innerText(), { timeout: 10_000 }).toBe(`System prompt: “${EDITED}”`);

    const local = await send('Review: loop {}', ollama);
    expect((local.body.messages as unknown[])[0]).toEqual({ role: 'system', content: EDITED });
    expect(JSON.stringify(local.body)).not.toContain(PROMPT);
  });

  it('deletes the preset from the keyboard; a new chat that had chosen it starts plain, and older chats keep their prompt', async () => {
    await page.getByTestId('new-chat').click();
    await page.getByTestId('preset-select').selectOption('code-reviewer');

    await openSettings(page, 'presets');
    await page.getByTestId('preset-delete').focus();
    await page.keyboard.press('Enter');
    // Asked first, with the cursor on the choice that loses nothing; Escape keeps the preset.
    expect(await page.getByTestId('preset-delete-keep').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('preset-delete-ask').count()).toBe(0);
    expect(await page.getByTestId('preset-delete').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.getByTestId('preset-delete-confirm').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByTestId('presets-empty').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('preset-saved').innerText()).toBe('Deleted the preset “Code reviewer”. Chats started from it keep their system prompt.');

    await page.getByTestId('nav-chat').click();
    expect(await page.getByTestId('preset-gone').innerText()).toBe('The preset chosen for this chat was deleted, so it starts without one.');
    const plain = await send('Plain question', compat);
    expect((plain.body.messages as { role: string }[]).map((m) => m.role)).toEqual(['user']);

    // The chat started from it still sends its own (edited) prompt.
    await page.getByTestId('conversation').nth(1).click();
    await expect.poll(() => page.getByTestId('chat-setup').locator('summary').innerText(), { timeout: 10_000 }).toBe(`System prompt: “${EDITED}”`);
    const older = await send('Review once more', ollama);
    expect((older.body.messages as unknown[])[0]).toEqual({ role: 'system', content: EDITED });
  });
});

describe('presets from --config are read-only', () => {
  let app: LocalApp;
  let page: Page;

  beforeAll(async () => {
    app = await startLocalApp((ollama) => {
      const dir = tempDataDir();
      const config = join(dir, 'team-config.json');
      writeFileSync(
        config,
        JSON.stringify({
          providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }],
          routes: { general: [{ provider: 'local', model: 'llama3.2' }] },
          localFallback: { provider: 'local', model: 'llama3.2' },
          presets: [{ id: 'team', name: 'Team style', systemPrompt: 'Follow the team style guide.', temperature: 0.2 }],
        }),
      );
      return ['--config', config, '--data-dir', dir];
    });
    page = app.page;
  });

  afterAll(() => app?.close());

  it("shows the file's presets with every control disabled", async () => {
    await openSettings(page, 'presets');
    await page.getByTestId('config-read-only').waitFor();
    await expect.poll(() => page.getByTestId('preset-system-prompt').inputValue(), { timeout: 10_000 }).toBe('Follow the team style guide.');
    expect(await page.getByTestId('preset-temperature').inputValue()).toBe('0.2');
    const panel = page.getByTestId('settings-fieldset');
    const enabled = await panel.locator('input, select, textarea, button').evaluateAll((els) => els.filter((el) => !(el as HTMLInputElement).matches(':disabled')).length);
    expect(enabled).toBe(0);
    expect(await panel.locator('input, select, textarea, button').count()).toBeGreaterThan(5);
  });
});

describe('switching presets with unsaved edits', () => {
  let app: LocalApp;
  let page: Page;

  beforeAll(async () => {
    app = await startLocalApp((ollama) => [
      '--data-dir',
      tempDataDir({
        providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }],
        localFallback: { provider: 'local', model: 'llama3.2' },
        presets: [
          { id: 'terse', name: 'Terse', systemPrompt: 'Answer in one line.' },
          { id: 'teacher', name: 'Teacher', systemPrompt: 'Explain step by step.' },
        ],
      }),
    ]);
    page = app.page;
  });

  afterAll(() => app?.close());

  it('asks in the app before another preset replaces the edits, keeps them on "Keep editing", and switches on "Discard"', async () => {
    await openSettings(page, 'presets');
    await expect.poll(() => page.getByTestId('preset-system-prompt').inputValue()).toBe('Answer in one line.');
    await page.getByTestId('preset-system-prompt').fill('Answer in one line, politely.');
    const teacher = page.locator('[data-testid="preset-item"][data-preset="teacher"]');
    await teacher.click();
    await page.getByTestId('leave-guard').waitFor();
    expect(await page.getByTestId('leave-guard').innerText()).toMatch(/your edits to the preset “Terse”/);
    await page.getByTestId('leave-stay').click();
    expect(await page.getByTestId('preset-system-prompt').inputValue()).toBe('Answer in one line, politely.');
    await teacher.click();
    await page.getByTestId('leave-discard').click();
    await expect.poll(() => page.getByTestId('preset-system-prompt').inputValue()).toBe('Explain step by step.');
    expect(await page.getByTestId('preset-unsaved').count()).toBe(0);
  });
});
