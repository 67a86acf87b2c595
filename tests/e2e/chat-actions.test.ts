/**
 * Message actions and an unconfused turn, as a user meets them in Chromium against
 * the headless host: copy, regenerate on another provider, edit and resend, retry
 * a failed answer on another provider, Stop (and an Enter while streaming), the
 * continuation seam, and a 10,000-message conversation that opens at its end.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TITLE_INSTRUCTION } from '../../electron/main/core/chat/titles.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { captureFrames, cleanEnv, launchBrowser, openApp, seedConversation, startHost, tempDataDir, type RunningHost } from './harness.js';

const answers = (page: Page) => page.locator('[data-testid="message"][data-role="assistant"]');

async function ask(page: Page, text: string): Promise<void> {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('composer-input').press('Enter');
}

async function settled(page: Page, status = 'done') {
  const answer = answers(page).last();
  await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe(status);
  return answer;
}

describe('message actions and turns', () => {
  let local: FakeProvider;
  let beta: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let dataDir: string;
  let page: Page;
  const bigTitle = 'A very long conversation';

  beforeAll(async () => {
    local = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] });
    beta = await startFakeProvider({ protocol: 'openai', apiKey: 'sk-beta-e2e-key', reply: () => 'Answer from **beta**.' });
    dataDir = tempDataDir({
      providers: [
        { id: 'local', kind: 'ollama', baseURL: local.url },
        { id: 'beta', kind: 'openai-compatible', baseURL: beta.baseURL, apiKeyEnv: 'BETA_KEY', models: ['beta-1'] },
      ],
      taskTypes: { cheap: { maxOutputTokens: 3 } },
      routes: { general: [{ provider: 'local', model: 'llama3.2' }], cheap: [{ provider: 'local', model: 'llama3.2' }], code: [{ provider: 'local', model: 'llama3.2' }, { provider: 'beta', model: 'beta-1' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    // A 10,000-message conversation, written through the app's own store.
    seedConversation(dataDir, bigTitle, 10_000, (i, role) => `${role === 'user' ? 'Question' : 'Answer'} number ${i}`);
    browser = await launchBrowser();
    host = await startHost(['--data-dir', dataDir], cleanEnv({ BETA_KEY: 'sk-beta-e2e-key' }));
  });

  beforeEach(async () => {
    local.always(undefined);
    page = await openApp(browser, host.url);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await local?.close();
    await beta?.close();
  });

  it('copies an answer as markdown or text, and regenerates it on another provider in place', async () => {
    await ask(page, 'Say **hello** please');
    const answer = await settled(page);
    await answer.getByTestId('copy-markdown').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('Echo: Say **hello** please');
    await answer.getByTestId('copy-plain').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('Echo: Say hello please');

    await answer.getByTestId('regenerate-other').click();
    await answer.getByTestId('again-provider-override').selectOption('beta');
    await answer.getByTestId('regenerate-go').click();
    await expect.poll(() => answers(page).last().getByTestId('message-text').innerText(), { timeout: 20_000 }).toBe('Answer from beta.');
    expect(await answers(page).count()).toBe(1);
    expect(await answers(page).last().getByTestId('message-meta').innerText()).toMatch(/beta·beta-1/);
  });

  it('edits a question and resends it, the last one or an earlier one', async () => {
    await ask(page, 'What is 2+2?');
    const answer = await settled(page);
    expect(await answer.getByTestId('message-text').innerText()).toBe('Echo: What is 2+2?');
    const question = page.locator('[data-testid="message"][data-role="user"]').last();
    await question.getByTestId('edit').click();
    await question.getByTestId('edit-input').fill('What is 3+3?');
    await question.getByTestId('resend').click();
    await expect.poll(() => answers(page).last().getByTestId('message-text').innerText(), { timeout: 20_000 }).toBe('Echo: What is 3+3?');
    expect(await question.getByTestId('message-text').innerText()).toBe('What is 3+3?');
    expect(await page.locator('[data-testid="message"]').count()).toBe(2);

    // An earlier question: the editor says what resending removes, and the chat starts over from it.
    await ask(page, 'And what is 4+4?');
    await settled(page);
    const earlier = page.locator('[data-testid="message"][data-role="user"]').first();
    await earlier.getByTestId('edit').click();
    expect(await earlier.getByTestId('edit-removes').innerText()).toMatch(/removes the 2 messages after/);
    await earlier.getByTestId('edit-input').fill('What is 5+5?');
    await earlier.getByTestId('resend').click();
    await expect.poll(() => answers(page).last().getByTestId('message-text').innerText(), { timeout: 20_000 }).toBe('Echo: What is 5+5?');
    await expect.poll(() => page.locator('[data-testid="message"]').count()).toBe(2);
    expect(await earlier.getByTestId('message-text').innerText()).toBe('What is 5+5?');
  });

  it('turns Send into Stop while streaming, ignores Enter, and keeps what a stopped answer knows', async () => {
    local.always({ type: 'slow-tokens', delayMs: 60 });
    await ask(page, 'Tell me a long story about a lighthouse keeper and the sea');
    await expect.poll(() => answers(page).last().getByTestId('message-text').innerText(), { timeout: 10_000 }).toMatch(/Echo: Tell/);
    expect(await page.getByTestId('send').count()).toBe(0);
    const requestsBefore = local.requests.length;
    await ask(page, 'an impatient second message');
    expect(await page.getByTestId('composer-input').inputValue()).toBe('an impatient second message');
    await page.getByTestId('stop').click();
    const stopped = await settled(page, 'cancelled');
    expect(local.requests.length).toBe(requestsBefore);
    expect(await stopped.getByTestId('message-meta').innerText()).toMatch(/^stopped · Ollama·llama3\.2/);
    expect(await stopped.getByTestId('message-meta').innerText()).toMatch(/out tokens .*first token/);
    expect(await stopped.getByTestId('regenerate').innerText()).toBe('Retry');
    expect(await page.getByTestId('send').count()).toBe(1);
  });

  it('retries a failed answer on another provider', async () => {
    local.always({ type: 'status', status: 500 });
    await ask(page, 'this will fail');
    const failed = await settled(page, 'error');
    local.always(undefined);
    await failed.getByTestId('regenerate-other').click();
    await failed.getByTestId('again-provider-override').selectOption('beta');
    await failed.getByTestId('regenerate-go').click();
    await expect.poll(() => answers(page).last().getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    expect(await answers(page).last().getByTestId('message-text').innerText()).toBe('Answer from beta.');
  });

  it('says when an answer stopped at the output limit, and offers to continue', async () => {
    await page.getByTestId('task-select').selectOption('cheap');
    await ask(page, 'a question with a long echo');
    const cut = await settled(page);
    // The answer's own request, not the title request that follows a chat's first answer.
    const asked = local.requests.filter((r) => r.messages[0]?.content !== TITLE_INSTRUCTION);
    expect(asked.at(-1)?.body.options).toMatchObject({ num_predict: 3 });
    expect(await cut.getByTestId('message-meta').innerText()).toMatch(/cut off at the output limit/);
    await cut.getByTestId('continue').click();
    await expect.poll(() => page.locator('[data-testid="message"]').count(), { timeout: 20_000 }).toBe(4);
    expect(await page.locator('[data-testid="message"][data-role="user"]').last().innerText()).toMatch(/Continue exactly where/);
  });

  it('marks where another provider carried the answer on, naming both', async () => {
    local.script({ type: 'error-mid-stream', afterChunks: 3 });
    await page.getByTestId('task-select').selectOption('code');
    await ask(page, 'fix this code please');
    const answer = await settled(page);
    const seam = answer.getByTestId('seam');
    expect(await seam.count()).toBe(1);
    expect(await seam.getAttribute('title')).toMatch(/local.*beta/);
  });

  it('deletes a message after asking, and a conversation from the keyboard alone (with undo)', async () => {
    await ask(page, 'a question to delete soon');
    const answer = await settled(page);
    await answer.getByTestId('delete-message').click();
    await answer.getByTestId('delete-message-confirm').click();
    await expect.poll(() => answers(page).count(), { timeout: 5000 }).toBe(0);
    // Found by id: its title is generated after the first answer, so it need not echo the question.
    const id = await page.locator('.conversation.active [data-testid="conversation"]').getAttribute('data-conversation');
    await page.reload();
    const conversation = page.locator(`[data-testid="conversation"][data-conversation="${id}"]`);
    await conversation.click();
    await expect.poll(() => page.locator('[data-testid="message"][data-role="user"]').count(), { timeout: 5000 }).toBe(1);
    expect(await answers(page).count()).toBe(0);

    // Tab from the conversation reaches its delete button (after rename and pin), which shows once focused.
    await conversation.focus();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => [(document.activeElement as HTMLElement | null)?.dataset.testid, document.activeElement && getComputedStyle(document.activeElement.closest('.conversation-actions') ?? document.activeElement).opacity]);
    expect(await focused()).toEqual(['conversation-delete', '1']);
    // Delete on the conversation itself deletes it, behind an Undo toast.
    await conversation.focus();
    await page.keyboard.press('Delete');
    await page.getByTestId('undo-toast').waitFor();
    await expect.poll(() => conversation.count(), { timeout: 5000 }).toBe(0);
    expect(await page.locator('[data-testid="message"]').count()).toBe(0);
  });

  it('opens a 10,000-message conversation at its latest message, pages back as it scrolls up, and jumps back', async () => {
    await page.close();
    let frames = { received: [] as string[], sent: [] as string[] };
    page = await openApp(browser, host.url, (p) => {
      frames = captureFrames(p);
    });
    // The most messages main sent the page in one answer: a page, never the whole conversation.
    const largestRead = () =>
      Math.max(0, ...frames.received.map((f) => (JSON.parse(f) as { result?: { value?: { messages?: unknown[] } } }).result?.value?.messages?.length ?? 0));
    await page.getByTestId('conversation').filter({ hasText: bigTitle }).click();
    const last = page.locator('[data-message="m9999"]');
    await expect.poll(() => last.isVisible(), { timeout: 10_000 }).toBe(true);
    // Only the rows near the viewport exist.
    expect(await page.locator('[data-testid="message"]').count()).toBeLessThan(100);

    const scroller = page.getByTestId('virtuoso-scroller');
    // Off screen: virtualisation may keep it rendered just below the view, but not in it.
    const onScreen = () =>
      page.evaluate(() => {
        const row = document.querySelector('[data-message="m9999"]');
        const view = document.querySelector('[data-testid="virtuoso-scroller"]')?.getBoundingClientRect();
        const box = row?.getBoundingClientRect();
        return !!box && !!view && box.top < view.bottom && box.bottom > view.top;
      });
    // Scroll up as a reader does, until the latest message has left the view.
    await expect
      .poll(
        async () => {
          await scroller.evaluate((el) => el.scrollBy(0, -3000));
          return onScreen();
        },
        { timeout: 10_000 },
      )
      .toBe(false);
    await expect.poll(() => page.getByTestId('jump-latest').isVisible(), { timeout: 5000 }).toBe(true);
    // The message at the top of the view: what the user was reading.
    const topMessage = () =>
      scroller.evaluate((el) => {
        const top = el.getBoundingClientRect().top;
        const rows = [...el.querySelectorAll<HTMLElement>('[data-testid="message"]')];
        return rows.find((r) => r.getBoundingClientRect().bottom > top + 1)?.dataset.message;
      });
    const index = (id: string | undefined) => Number(id?.slice(1));
    // On up, past the first page (m9900 on) and the next, into messages read from main as the list neared its top.
    await expect
      .poll(
        async () => {
          await scroller.evaluate((el) => el.scrollBy(0, -3000));
          return index(await topMessage());
        },
        { timeout: 15_000 },
      )
      .toBeLessThan(9750);
    expect(largestRead()).toBe(100);

    // Where the reader stopped, once the list has settled there (a page read near the top is put in without moving the view).
    let reading: string | undefined;
    await expect
      .poll(
        async () => {
          const before = await topMessage();
          await page.waitForTimeout(250);
          reading = await topMessage();
          return reading !== undefined && reading === before;
        },
        { timeout: 5000 },
      )
      .toBe(true);

    // Another conversation and back: the place is kept.
    await page.getByTestId('new-chat').click();
    await page.getByTestId('conversation').filter({ hasText: bigTitle }).click();
    await expect.poll(async () => Math.abs(index(await topMessage()) - index(reading)), { timeout: 5000 }).toBeLessThanOrEqual(1);

    await page.getByTestId('jump-latest').click();
    await expect.poll(onScreen, { timeout: 5000 }).toBe(true);
  });
});
