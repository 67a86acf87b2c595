/**
 * Issue 17's composer, keyboard and delete-with-undo as a user meets them in
 * Chromium: what auto would pick while typing, pickers that apply to one
 * message unless kept for the chat, drafts across a reload, the up arrow, a
 * 2 MB paste, every shortcut and its overlay, and a delete that Undo takes back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { cleanEnv, launchBrowser, openApp, startHost, tempDataDir, type RunningHost } from './harness.js';

const KEY = 'sk-test-e2e-composer-0123456789';
const namesChats = (r: { messages: { role: string; content: string }[] }) => r.messages.some((m) => m.role === 'system' && /name conversations/.test(m.content));
const asked = (f: FakeProvider) => f.requests.filter((r) => !namesChats(r)).map((r) => r.messages.at(-1)?.content);
const answers = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');
const composer = (page: Page) => page.getByTestId('composer-input');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Sends and waits for this message's own answer (not the one before it, already done). */
async function ask(page: Page, text: string): Promise<void> {
  const before = await answers(page).count();
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect.poll(() => answers(page).count(), { timeout: 10_000 }).toBe(before + 1);
  await expect.poll(() => answers(page).last().getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
}

describe('composer, shortcuts and undo in the browser host', () => {
  let alpha: FakeProvider;
  let beta: FakeProvider;
  let local: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;

  beforeAll(async () => {
    alpha = await startFakeProvider({ protocol: 'openai', apiKey: KEY, reply: (r) => (namesChats(r) ? 'A title' : 'From alpha.') });
    beta = await startFakeProvider({ protocol: 'openai', apiKey: KEY, reply: (r) => (namesChats(r) ? 'A title' : 'From beta.') });
    local = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] });
    const dataDir = tempDataDir({
      providers: [
        { id: 'alpha', kind: 'openai-compatible', name: 'Alpha', baseURL: alpha.baseURL, apiKeyEnv: 'E2E_KEY', models: ['a-1'] },
        { id: 'beta', kind: 'openai-compatible', name: 'Beta', baseURL: beta.baseURL, apiKeyEnv: 'E2E_KEY', models: ['b-1'] },
        { id: 'local', kind: 'ollama', baseURL: local.url },
      ],
      routes: { general: [{ provider: 'alpha', model: 'a-1' }], code: [{ provider: 'beta', model: 'b-1' }], cheap: [{ provider: 'alpha', model: 'a-1' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    browser = await launchBrowser();
    host = await startHost(['--data-dir', dataDir], cleanEnv({ E2E_KEY: KEY }));
  });

  beforeEach(async () => {
    alpha.always(undefined);
    await page?.close();
    page = await openApp(browser, host.url);
    await page.getByTestId('new-chat').click();
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await Promise.all([alpha, beta, local].map((f) => f?.close()));
  });

  it('shows what auto would pick while typing, as the router decides it', async () => {
    await composer(page).fill('Why does this fail?\n```js\nconst x = y.z;\n```');
    await expect.poll(() => page.getByTestId('auto-preview').innerText(), { timeout: 5000 }).toBe('auto → code');
    expect(await page.getByTestId('auto-preview').getAttribute('title')).toBe('auto → code: code fence');
    await composer(page).fill('What should I cook tonight?');
    await expect.poll(() => page.getByTestId('auto-preview').innerText(), { timeout: 5000 }).toBe('auto → general');
    // A task picked by hand needs no guess.
    await page.getByTestId('task-select').selectOption('code');
    expect(await page.getByTestId('auto-preview').count()).toBe(0);
  });

  it('applies a picked task or provider to that message only, and resets the pickers after it', async () => {
    await page.getByTestId('task-select').selectOption('code');
    await ask(page, 'first, as code');
    expect(asked(beta)).toContain('first, as code');
    expect(await page.getByTestId('task-select').inputValue()).toBe('auto');

    await page.getByTestId('provider-override').selectOption('beta');
    await ask(page, 'second, on beta');
    expect(asked(beta)).toContain('second, on beta');
    expect(await page.getByTestId('provider-override').inputValue()).toBe('');

    await ask(page, 'third, routed');
    expect(asked(alpha)).toContain('third, routed');
    expect(asked(beta)).not.toContain('third, routed');
  });

  it('keeps a pick for the conversation when pinned, shown after a reload, until unpinned', async () => {
    await ask(page, 'start a chat');
    expect(await page.getByTestId('pin-route').isDisabled()).toBe(true);
    await page.getByTestId('provider-override').selectOption('beta');
    await page.getByTestId('pin-route').check();
    await ask(page, 'pinned one');
    await ask(page, 'pinned two');
    expect(asked(beta)).toEqual(expect.arrayContaining(['pinned one', 'pinned two']));

    const id = await page.locator('.conversation.active [data-testid="conversation"]').getAttribute('data-conversation');
    await page.reload();
    await page.locator(`[data-conversation="${id}"]`).click();
    // Its three answers are on screen before the next question is counted after them.
    await expect.poll(() => answers(page).count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => page.getByTestId('pin-route').isChecked(), { timeout: 5000 }).toBe(true);
    expect(await page.getByTestId('provider-override').inputValue()).toBe('beta');
    expect(await page.locator('.pin-route').innerText()).toBe('Kept for this chat');

    await page.getByTestId('pin-route').uncheck();
    // Unpinned, the pick stays for one more message and is then forgotten.
    expect(await page.getByTestId('provider-override').inputValue()).toBe('beta');
    await ask(page, 'one more on beta');
    await ask(page, 'back to routed');
    expect(asked(beta)).toContain('one more on beta');
    expect(asked(alpha)).toContain('back to routed');
  });

  it('pins a choice made in a new chat to the chat its first message creates', async () => {
    await page.getByTestId('task-select').selectOption('code');
    await page.getByTestId('pin-route').check();
    await ask(page, 'new chat, pinned to code');
    await expect.poll(() => page.getByTestId('pin-route').isChecked(), { timeout: 5000 }).toBe(true);
    expect(await page.getByTestId('task-select').inputValue()).toBe('code');
    await ask(page, 'plain prose, still code');
    expect(asked(beta)).toContain('plain prose, still code');
  });

  it('keeps a draft per conversation across a reload', async () => {
    await ask(page, 'a chat with a draft');
    const id = await page.locator('.conversation.active [data-testid="conversation"]').getAttribute('data-conversation');
    await composer(page).fill('half a thought for this chat');
    await page.getByTestId('new-chat').click();
    expect(await composer(page).inputValue()).toBe('');
    await composer(page).fill('the start of a new chat');
    await page.waitForTimeout(600); // past the draft's pause in typing
    await page.reload();
    await expect.poll(() => composer(page).inputValue(), { timeout: 5000 }).toBe('the start of a new chat');
    await page.locator(`[data-conversation="${id}"]`).click();
    await expect.poll(() => composer(page).inputValue(), { timeout: 5000 }).toBe('half a thought for this chat');
  });

  it('recalls earlier prompts with the up arrow in an empty composer, and goes back down', async () => {
    await ask(page, 'recall me first');
    await ask(page, 'recall me second');
    await composer(page).focus();
    await page.keyboard.press('ArrowUp');
    expect(await composer(page).inputValue()).toBe('recall me second');
    await page.keyboard.press('ArrowUp');
    expect(await composer(page).inputValue()).toBe('recall me first');
    await page.keyboard.press('ArrowDown');
    expect(await composer(page).inputValue()).toBe('recall me second');
    await page.keyboard.press('ArrowDown');
    expect(await composer(page).inputValue()).toBe('');
    // In text being written, the arrow moves the caret and recalls nothing.
    await page.keyboard.type('my own words');
    await page.keyboard.press('ArrowUp');
    expect(await composer(page).inputValue()).toBe('my own words');
  });

  it('takes a 2 MB paste without freezing: kept beside the box, said to be too long, and removable', async () => {
    const paste = (text: string) =>
      page.evaluate((t) => {
        const box = document.getElementById('composer-input') as HTMLTextAreaElement;
        box.focus();
        const data = new DataTransfer();
        data.setData('text/plain', t);
        box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
    await paste('x'.repeat(2_000_000));
    await expect.poll(() => page.getByTestId('pasted-block').innerText(), { timeout: 10_000 }).toMatch(/2,000,000 characters/);
    expect(await page.getByTestId('too-long').innerText()).toMatch(/2,000,000 characters; a message can be at most 1,000,000/);
    expect(await page.getByTestId('send').isDisabled()).toBe(true);
    // The box itself stays small and answers keys at once.
    await page.keyboard.type('Summarise this:');
    expect(await composer(page).inputValue()).toBe('Summarise this:');
    await page.getByTestId('pasted-remove').click();
    await expect.poll(() => page.getByTestId('too-long').count()).toBe(0);

    // A long paste that fits goes with the message, after the typed words.
    await paste('y'.repeat(25_000));
    await composer(page).press('Enter');
    await expect.poll(() => asked(alpha).at(-1), { timeout: 20_000 }).toBe(`Summarise this:\n\n${'y'.repeat(25_000)}`);
    // The box empties once the host has taken the message, which may be a moment after the fake sees it.
    await expect.poll(() => page.getByTestId('pasted-block').count()).toBe(0);
  });

  it('deletes a conversation behind an Undo toast that has focus: Enter brings it back, and it goes once the toast ends', async () => {
    await ask(page, 'delete me, then not');
    const item = page.getByTestId('conversation').filter({ hasText: /./ }).first();
    const id = await page.locator('.conversation.active [data-testid="conversation"]').getAttribute('data-conversation');
    const row = page.locator(`[data-conversation="${id}"]`);
    const focusedTestId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? '');
    await row.focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => row.count()).toBe(0);
    expect(await page.getByTestId('undo-toast').innerText()).toMatch(/Deleted/);
    // The keyboard alone takes it back: focus is on Undo, and then on the row again.
    await expect.poll(focusedTestId).toBe('undo-delete');
    await page.keyboard.press('Enter');
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.conversation)).toBe(id);
    // Brought back as it was, open, with its messages.
    await expect.poll(() => answers(page).count(), { timeout: 5000 }).toBe(1);
    expect(await item.count()).toBeGreaterThan(0);

    await row.locator('xpath=..').getByTestId('conversation-delete').click();
    await expect.poll(focusedTestId).toBe('undo-delete');
    await expect.poll(() => page.getByTestId('undo-toast').count(), { timeout: 10_000 }).toBe(0);
    // The toast gone, focus is in the composer, not lost on the page.
    await expect.poll(() => focusedId(page)).toBe('composer-input');
    await page.reload();
    await page.getByTestId('new-chat').waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator(`[data-conversation="${id}"]`).count()).toBe(0);
  });

  it('sends a pending delete when the window closes', async () => {
    await ask(page, 'gone when the window closes');
    const id = await page.locator('.conversation.active [data-testid="conversation"]').getAttribute('data-conversation');
    await page.locator(`[data-conversation="${id}"]`).locator('xpath=..').getByTestId('conversation-delete').click();
    await page.getByTestId('undo-toast').waitFor();
    await page.reload();
    await page.getByTestId('new-chat').waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator(`[data-conversation="${id}"]`).count()).toBe(0);
  });

  it('runs every shortcut, and lists them all behind ?', async () => {
    await ask(page, 'shortcut chat one');
    await page.getByTestId('new-chat').click();
    await ask(page, 'shortcut chat two');
    const active = () => page.locator('.conversation.active [data-testid="conversation"]').getAttribute('data-conversation');
    const items = page.locator('[data-testid="conversation"]');
    // The chat just answered moves to the top once the list hears of its answer (and title); under load that is a moment later.
    await expect.poll(async () => (await items.nth(0).getAttribute('data-conversation')) === (await active()), { timeout: 10_000 }).toBe(true);
    const first = await items.nth(0).getAttribute('data-conversation');
    const second = await items.nth(1).getAttribute('data-conversation');

    // Next and previous conversation, in the sidebar's order.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(active).toBe(second);
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(active).toBe(first);

    // Search, then back to the composer.
    await page.keyboard.press('ControlOrMeta+K');
    expect(await focusedId(page)).toBe('sidebar-search');
    await page.keyboard.press('Shift+Escape');
    await expect.poll(() => focusedId(page)).toBe('composer-input');

    // New chat, with the caret in its composer.
    await page.locator('[data-testid="conversation"]').first().focus();
    await page.keyboard.press('ControlOrMeta+Shift+O');
    await expect.poll(() => page.locator('.conversation.active').count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe('composer-input');

    // Stop the answer that is streaming.
    alpha.always({ type: 'slow-tokens', delayMs: 400 });
    await composer(page).fill('a slow answer to stop');
    await composer(page).press('Enter');
    await expect.poll(() => answers(page).last().getAttribute('data-status'), { timeout: 10_000 }).toBe('streaming');
    await page.keyboard.press('Escape');
    await expect.poll(() => answers(page).last().getAttribute('data-status'), { timeout: 10_000 }).toBe('cancelled');
    alpha.always(undefined);

    // Settings.
    await page.keyboard.press('ControlOrMeta+,');
    await expect.poll(() => page.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');

    // The overlay, from outside a text field, lists every shortcut with Ctrl on Linux.
    await page.getByTestId('nav-chat').focus();
    await page.keyboard.press('Shift+?');
    const overlay = page.getByTestId('shortcuts-overlay');
    await overlay.waitFor();
    const text = await overlay.innerText();
    for (const line of ['New chat', 'Ctrl', 'Shift', 'O', 'Focus the message box', 'Search messages', 'Stop the answer', 'Next conversation', 'Previous conversation', 'Open settings']) {
      expect(text).toContain(line);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.count()).toBe(0);
    await page.keyboard.press('ControlOrMeta+/');
    await expect.poll(() => overlay.count()).toBe(1);
    await page.getByTestId('shortcuts-close').click();
    await page.getByTestId('nav-chat').click();
    // Typed into the composer, ? is just a character.
    await composer(page).focus();
    await page.keyboard.type('why?');
    expect(await overlay.count()).toBe(0);
    expect(await composer(page).inputValue()).toBe('why?');
  });
});
