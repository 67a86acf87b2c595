/**
 * Issue 17, "search, then jump to a hit": a hit far back in a 3,000-message
 * conversation (never loaded, since a chat opens at its latest page) opens at
 * that message, marked, with paging down and "Jump to latest" still reaching the
 * end; a hit in a recent message of another conversation opens there too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { cleanEnv, launchBrowser, openApp, seedConversation, startHost, tempDataDir, type RunningHost } from './harness.js';

const LONG = 'Three thousand messages';
const RECENT = 'A shorter chat';

describe('search, then jump to a hit', () => {
  let local: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;

  beforeAll(async () => {
    local = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] });
    const dataDir = tempDataDir({
      providers: [{ id: 'local', kind: 'ollama', baseURL: local.url }],
      routes: { general: [{ provider: 'local', model: 'llama3.2' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    // Words found nowhere else: in messages 50 and 1,500 of 3,000, and in messages 205 and 295 of 300.
    const unique: Record<number, string> = { 50: 'Remember the word zephyrine for later', 1500: 'A jar of marmalade here' };
    seedConversation(dataDir, LONG, 3000, (i, role) => unique[i] ?? `${role === 'user' ? 'Question' : 'Answer'} number ${i}`);
    const recent: Record<number, string> = { 205: 'Pangolins, said once', 295: 'A note about quokkaberries' };
    seedConversation(dataDir, RECENT, 300, (i) => recent[i] ?? `Line ${i}`, 'r');
    browser = await launchBrowser();
    host = await startHost(['--data-dir', dataDir], cleanEnv());
    page = await openApp(browser, host.url);
    await page.setViewportSize({ width: 1000, height: 700 });
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await local?.close();
  });

  /** Whether the message's row is in the list's viewport, not just rendered near it. */
  const onScreen = (id: string) =>
    page.evaluate((messageId) => {
      const row = document.querySelector(`[data-testid="message"][data-message="${messageId}"]`);
      const view = document.querySelector('[data-testid="virtuoso-scroller"]')?.getBoundingClientRect();
      const box = row?.getBoundingClientRect();
      return !!box && !!view && box.top < view.bottom && box.bottom > view.top;
    }, id);
  const marked = (id: string) => page.locator(`[data-testid="message"][data-message="${id}"]`).evaluate((el) => el.classList.contains('jumped'));
  const rendered = () => page.locator('[data-testid="message"]').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.message?.slice(1))));
  /** Scrolls the list as a reader does; the numbers of the messages it then has rows for. */
  const scrolled = async (dy: number) => {
    await page.getByTestId('virtuoso-scroller').evaluate((el, by) => el.scrollBy(0, by), dy);
    return rendered();
  };

  const openHit = async (word: string, messageId: string) => {
    await page.getByTestId('search').fill(word);
    const hit = page.locator(`[data-testid="search-hit"][data-message="${messageId}"]`);
    await expect.poll(() => hit.locator('mark').first().innerText(), { timeout: 10_000 }).toMatch(new RegExp(word, 'i'));
    await hit.click();
  };

  it('opens a hit in message 50 of 3,000 at that message, marked, then pages down and jumps to the latest', async () => {
    // Start in the long chat at its latest page, as a user would be before searching.
    await page.getByTestId('conversation').filter({ hasText: LONG }).click();
    await expect.poll(() => onScreen('m2999'), { timeout: 10_000 }).toBe(true);

    await openHit('zephyrine', 'm50');
    await expect.poll(() => onScreen('m50'), { timeout: 10_000 }).toBe(true);
    expect(await marked('m50')).toBe(true);
    await expect.poll(() => page.getByTestId('message').filter({ hasText: 'zephyrine' }).count()).toBe(1);
    // Only the window around it exists, not the 2,950 messages between it and the latest.
    expect(Math.max(...(await rendered()))).toBeLessThan(200);

    // Scrolling down reads newer pages from main, past the window the hit opened with.
    await expect.poll(async () => Math.max(...(await scrolled(3000))), { timeout: 20_000 }).toBeGreaterThan(250);
    // And back up to the first message, past the rows added below.
    await expect.poll(async () => Math.min(...(await scrolled(-3000))), { timeout: 20_000 }).toBe(0);

    await page.getByTestId('jump-latest').click();
    await expect.poll(() => onScreen('m2999'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('jump-latest').count(), { timeout: 5000 }).toBe(0);
  });

  it('opens a hit in message 1,500 at that message, and pages up from it', async () => {
    await openHit('marmalade', 'm1500');
    await expect.poll(() => onScreen('m1500'), { timeout: 10_000 }).toBe(true);
    expect(await marked('m1500')).toBe(true);
    await expect.poll(async () => Math.min(...(await scrolled(-3000))), { timeout: 20_000 }).toBeLessThan(1400);
  });

  it('opens a hit in a recent message of another conversation at that message, marked', async () => {
    // That conversation was opened before, so its latest page (with the hit) is loaded already.
    await page.getByTestId('search').fill('');
    await page.getByTestId('conversation').filter({ hasText: RECENT }).click();
    await expect.poll(() => onScreen('r299'), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('conversation').filter({ hasText: LONG }).click();
    await expect.poll(() => page.locator('[data-testid="message"][data-message="r299"]').count(), { timeout: 10_000 }).toBe(0);
    await openHit('quokkaberries', 'r295');
    await expect.poll(() => onScreen('r295'), { timeout: 10_000 }).toBe(true);
    expect(await marked('r295')).toBe(true);
    // The other conversation is the one open: none of the long chat's rows are left.
    expect(await page.locator('[data-testid="message"][data-message^="m"]').count()).toBe(0);

    // A hit in the open conversation, loaded but scrolled out of view: the list scrolls to it.
    expect(await onScreen('r205')).toBe(false);
    await openHit('pangolins', 'r205');
    await expect.poll(() => onScreen('r205'), { timeout: 10_000 }).toBe(true);
    expect(await marked('r205')).toBe(true);
    // One message is marked at a time.
    expect(await page.locator('[data-testid="message"].jumped').count()).toBe(1);
  });

  it('goes back to the far hit from the other conversation, and a message sent from there shows at the end', async () => {
    await openHit('zephyrine', 'm50');
    await expect.poll(() => onScreen('m50'), { timeout: 10_000 }).toBe(true);
    expect(await marked('m50')).toBe(true);
    await page.getByTestId('composer-input').fill('Sent while reading far back');
    await page.getByTestId('send').click();
    const sent = page.locator('[data-testid="message"][data-role="user"]').filter({ hasText: 'Sent while reading far back' });
    await expect.poll(() => sent.isVisible(), { timeout: 10_000 }).toBe(true);
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    // Up from the new turn, the conversation's latest messages come before it. Looked for before each
    // step up, and in steps shorter than the view, so the scroll cannot pass over it between looks.
    await expect.poll(async () => (await onScreen('m2999')) || ((await scrolled(-200)) && false), { timeout: 10_000 }).toBe(true);
  });
});
