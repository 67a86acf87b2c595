/**
 * The renderer as a user feels it, in Debian's Chromium against the real headless
 * host and the fake provider (the same set-up as the end-to-end tests):
 * Enter to first token painted, opening a 10,000-message conversation, long tasks
 * and per-frame render work while a markdown answer streams at ~2,000 tokens/s,
 * and the initial bundle's gzipped size.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Named apart from the page's own `performance`: functions passed to page.evaluate run in
// Chromium, and a bundler renaming a module-level `performance` would rename theirs too.
import { performance as nodeClock } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../../tests/fake-provider/index.js';
import { launchBrowser, openApp, seedConversation, startHost, tempDataDir, type RunningHost } from '../../tests/e2e/harness.js';
import { percentile } from '../stats.js';
import { markdownAnswer } from '../ui-answer.js';
import { pasteIntoComposer, type PasteFigures } from './ui-paste.js';

const root = join(import.meta.dirname, '..', '..');
/**
 * ~4 characters a token. 16-character chunks every 2 ms would be 2,000 tokens a second,
 * but timers overshoot, so chunks are 22 characters; the rate reached is reported.
 * Positions in the answer are read from the text on screen (markdown syntax is not
 * shown, so the source is longer than what is counted).
 */
const STREAM = { chunkSize: 22, tokenDelayMs: 2, tokens: 24_000 };
/**
 * The first-token rounds' model: a fast local one, first token after ~20 ms and then
 * about 50 a second. An unpaced fake sends its whole answer in the millisecond of its
 * first token, so "first token painted" would time painting a finished answer (its
 * meta, actions, title and health), which a real model sends hundreds of ms later; that
 * case is still reported, as uiUnpacedAnswerExtraMsP50.
 */
const FIRST_TOKEN_PACING_MS = 20;
const SETTLE_MS = 1_000;
const POLL_MS = 50;

export function rendererBundleKbGz(): number {
  const dir = join(root, 'out', 'renderer');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  // What the page loads before it can show anything: its entry script and the modules it preloads.
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}

/** Time from a request to its first streamed byte, straight from the fake: its own share of the first token. */
async function fakeFirstTokenMs(fake: FakeProvider): Promise<number> {
  const started = nodeClock.now();
  const res = await fetch(`${fake.url}/api/chat`, { method: 'POST', body: JSON.stringify({ model: 'llama3.2:latest', messages: [{ role: 'user', content: 'hi' }], stream: true }) });
  const reader = res.body!.getReader();
  await reader.read();
  const ms = nodeClock.now() - started;
  await reader.cancel();
  return ms;
}

async function firstTokenRounds(page: Page, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // A new chat each round, so the only answer on screen is the one being timed.
    await page.getByTestId('new-chat').click();
    await page.getByTestId('composer-input').fill(`first token round ${i}`);
    const ms = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const input = document.querySelector<HTMLTextAreaElement>('[data-testid=composer-input]')!;
          let pressed = 0;
          const observer = new MutationObserver(() => {
            const last = [...document.querySelectorAll('[data-role=assistant] [data-testid=message-text]')].at(-1);
            if (!last?.textContent?.startsWith('Echo')) return;
            observer.disconnect();
            // The frame after the DOM changed is when it is on screen.
            requestAnimationFrame(() => resolve(performance.now() - pressed));
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          pressed = performance.now();
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        }),
    );
    samples.push(ms);
    await page.locator('[data-role=assistant][data-status=done]').last().waitFor();
  }
  return samples;
}

async function openBigConversation(browser: Browser, host: RunningHost, title: string, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const page = await openApp(browser, host.url);
    const entry = page.getByTestId('conversation').filter({ hasText: title });
    await entry.waitFor();
    const ms = await entry.evaluate(
      (el) =>
        new Promise<number>((resolve) => {
          const clicked = performance.now();
          const check = (): void => {
            const last = document.querySelector('[data-message="m9999"]');
            const list = last?.closest<HTMLElement>('[data-testid=virtuoso-item-list]');
            const box = last?.getBoundingClientRect();
            if (last && list && list.style.visibility !== 'hidden' && box && box.bottom > 0 && box.top < window.innerHeight) resolve(performance.now() - clicked);
            else requestAnimationFrame(check);
          };
          (el as HTMLElement).click();
          requestAnimationFrame(check);
        }),
    );
    samples.push(ms);
    await page.close();
  }
  return samples;
}

interface StreamFigures {
  longTasksOver50ms: number;
  longestTaskMs: number;
  workPerFrameMsAt1k: number;
  workPerFrameMsAt20k: number;
  tokensPerSecond: number;
}

async function streamMarkdown(page: Page, sourceChars: number): Promise<StreamFigures> {
  // A user sends a message a second or more after the window opens, not in its first
  // milliseconds: start watching once the app's own start-up work (loading settings,
  // warming KaTeX when idle) has had that second, so only the stream's work is counted.
  await page.waitForTimeout(SETTLE_MS);
  page.on('crash', () => console.error('[bench] the page crashed while streaming'));
  page.on('console', (m) => { if (m.type() === 'error') console.error(`[bench] page: ${m.text()}`); });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async (): Promise<number> => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
    return (get('ScriptDuration') + get('LayoutDuration') + get('RecalcStyleDuration')) * 1000;
  };
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __frames: number };
    w.__long = [];
    w.__frames = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
    const tick = (): void => {
      w.__frames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const textLength = () => page.evaluate(() => [...document.querySelectorAll('[data-role=assistant] [data-testid=message-text]')].at(-1)?.textContent?.length ?? 0);
  const frames = () => page.evaluate(() => (window as unknown as { __frames: number }).__frames);
  /**
   * Busy time per frame while the answer grows through [fromTokens, toTokens]. Each poll
   * reads the whole answer's text inside the page being measured, so polls are 50 ms
   * apart (100 tokens at this rate): every 5 ms, they were a share of the work they timed.
   */
  async function window_(fromTokens: number, toTokens: number): Promise<number> {
    while ((await textLength()) < fromTokens * 4) await page.waitForTimeout(POLL_MS);
    const [b0, f0] = [await busy(), await frames()];
    while ((await textLength()) < toTokens * 4) await page.waitForTimeout(POLL_MS);
    const [b1, f1] = [await busy(), await frames()];
    return (b1 - b0) / Math.max(1, f1 - f0);
  }
  const started = nodeClock.now();
  await page.getByTestId('composer-input').fill('stream the long markdown answer');
  await page.getByTestId('composer-input').press('Enter');
  const at1k = await window_(1000, 1500);
  const at20k = await window_(20_000, 20_500);
  // Polled like the windows above, so waiting for the end adds no per-frame work to what is counted.
  await page.waitForFunction(() => document.querySelector('[data-role=assistant][data-status=done]') !== null, undefined, { polling: POLL_MS, timeout: 120_000 });
  const seconds = (nodeClock.now() - started) / 1000;
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  return {
    longTasksOver50ms: long.filter((d) => d > 50).length,
    longestTaskMs: Math.round(Math.max(0, ...long)),
    workPerFrameMsAt1k: at1k,
    workPerFrameMsAt20k: at20k,
    tokensPerSecond: Math.round(sourceChars / 4 / seconds),
  };
}

export interface UiFigures {
  uiFirstTokenExtraMsP50: number;
  uiFirstTokenMsP50: number;
  fakeFirstTokenMsP50: number;
  /** The same, when the whole answer lands with its first token (an unpaced fake). */
  uiUnpacedAnswerExtraMsP50: number;
  openConversation10kMsUi: number;
  openConversation10kMsSamples: number[];
  longTasksOver50msDuring2000TokPerSecStream: number;
  frameCostRatio20kVs1k: number;
  stream: StreamFigures;
  rendererBundleKbGz: number;
  /** The median of three 2 MB pastes into the composer. */
  paste: PasteFigures;
}

export async function runUi(counts: { firstTokenRounds: number; openRounds: number }): Promise<UiFigures> {
  const echo = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'], tokenDelayMs: FIRST_TOKEN_PACING_MS });
  const unpaced = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] });
  const answer = markdownAnswer(STREAM.tokens * 4);
  const streamer = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'], chunkSize: STREAM.chunkSize, tokenDelayMs: STREAM.tokenDelayMs, reply: () => answer });
  const settings = (url: string) => ({ providers: [{ id: 'local', kind: 'ollama' as const, baseURL: url }], routes: { general: [{ provider: 'local', model: 'llama3.2' }] }, localFallback: { provider: 'local', model: 'llama3.2' } });
  const echoDir = tempDataDir(settings(echo.url));
  const title = 'Ten thousand messages';
  seedConversation(echoDir, title, 10_000, (i, role) => `${role === 'user' ? 'Question' : 'Answer'} ${i}: ${'words '.repeat(20 + (i % 30))}`);
  const browser = await launchBrowser();
  const hosts: RunningHost[] = [];
  try {
    const host = await startHost(['--data-dir', echoDir]);
    hosts.push(host);
    const page = await openApp(browser, host.url);
    await firstTokenRounds(page, 3); // warm-up: JIT, lazy chunks, the socket
    const ui = await firstTokenRounds(page, counts.firstTokenRounds);
    const fake: number[] = [];
    for (let i = 0; i < counts.firstTokenRounds; i++) fake.push(await fakeFirstTokenMs(echo));
    const pastes: PasteFigures[] = [];
    for (let i = 0; i < 3; i++) pastes.push(await pasteIntoComposer(page));
    await page.close();
    const open = await openBigConversation(browser, host, title, counts.openRounds);

    const streamHost = await startHost(['--data-dir', tempDataDir(settings(streamer.url))]);
    hosts.push(streamHost);
    const streamPage = await openApp(browser, streamHost.url);
    const stream = await streamMarkdown(streamPage, answer.length);
    const unpacedHost = await startHost(['--data-dir', tempDataDir(settings(unpaced.url))]);
    hosts.push(unpacedHost);
    const unpacedPage = await openApp(browser, unpacedHost.url);
    await firstTokenRounds(unpacedPage, 3);
    const unpacedUi = await firstTokenRounds(unpacedPage, counts.firstTokenRounds);
    const unpacedFake: number[] = [];
    for (let i = 0; i < counts.firstTokenRounds; i++) unpacedFake.push(await fakeFirstTokenMs(unpaced));
    await unpacedPage.close();

    const uiP50 = percentile(ui, 50);
    const fakeP50 = percentile(fake, 50);
    return {
      uiFirstTokenExtraMsP50: round(uiP50 - fakeP50),
      uiFirstTokenMsP50: round(uiP50),
      fakeFirstTokenMsP50: round(fakeP50),
      uiUnpacedAnswerExtraMsP50: round(percentile(unpacedUi, 50) - percentile(unpacedFake, 50)),
      openConversation10kMsUi: round(percentile(open, 50)),
      openConversation10kMsSamples: open.map(round),
      longTasksOver50msDuring2000TokPerSecStream: stream.longTasksOver50ms,
      frameCostRatio20kVs1k: round(stream.workPerFrameMsAt20k / stream.workPerFrameMsAt1k),
      stream: { ...stream, workPerFrameMsAt1k: round(stream.workPerFrameMsAt1k), workPerFrameMsAt20k: round(stream.workPerFrameMsAt20k) },
      rendererBundleKbGz: rendererBundleKbGz(),
      paste: {
        composerPaste2MbToFrameMs: percentile(pastes.map((p) => p.composerPaste2MbToFrameMs), 50),
        composerPaste2MbLongestTaskMs: percentile(pastes.map((p) => p.composerPaste2MbLongestTaskMs), 50),
        composerKeyAfterPasteMs: percentile(pastes.map((p) => p.composerKeyAfterPasteMs), 50),
      },
    };
  } finally {
    await Promise.all(hosts.map((h) => h.stop()));
    await browser.close();
    await echo.close();
    await unpaced.close();
    await streamer.close();
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;
