/**
 * A key entered in the UI must never come back out: not in any file under the
 * data folder, not in anything the renderer receives, not in the host's logs,
 * even when the provider's error text or its request-id headers echo the key
 * back (as some hosts and proxies do).
 * Each hiding place is first shown to hold real traffic, so the scan can fail.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import {
  captureFrames,
  keychainEnv,
  launchBrowser,
  maskedForm,
  openApp,
  openSettings,
  startHost,
  tempDataDir,
  type CapturedFrames,
  type RunningHost,
} from './harness.js';

const CANARY = `sk-canary-${randomBytes(16).toString('hex')}`;
// Whatever is shown of a key (its first and last 4 characters) is allowed; the rest never is.
const SECRET_PART = CANARY.slice(4, -4);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

interface Frame {
  type?: string;
  name?: string;
  id?: number;
}

/** Which call or event a received frame carries, e.g. `event health.update` or `result of providers.test`. */
function describeFrame(frame: string, sent: string[]): string {
  const message = JSON.parse(frame) as Frame;
  if (message.type === 'event') return `event ${message.name ?? '?'}`;
  const call = sent.map((s) => JSON.parse(s) as Frame).find((s) => s.id === message.id);
  return `result of ${call?.name ?? `call #${message.id ?? '?'}`}`;
}

describe('a key never leaks', () => {
  let ollama: FakeProvider;
  let acme: FakeProvider;
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let dataDir: string;
  let frames: CapturedFrames = { received: [], sent: [] };

  beforeAll(async () => {
    [ollama, acme, browser] = await Promise.all([
      startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }),
      // A proxy that echoes the caller's key in every header it can, request ids included.
      startFakeProvider({
        protocol: 'openai',
        apiKey: CANARY,
        responseHeaders: { 'x-request-id': CANARY, 'request-id': `req_${CANARY}`, 'x-echo-authorization': `Bearer ${CANARY}` },
      }),
      launchBrowser(),
    ]);
    dataDir = tempDataDir({
      providers: [
        { id: 'acme', kind: 'openai-compatible', name: 'Acme AI', baseURL: acme.baseURL, models: ['acme-large'] },
        { id: 'local', kind: 'ollama', baseURL: ollama.url },
      ],
      // Titles go to the local model, so a title request never takes one of acme's scripted failures.
      routes: { general: [{ provider: 'acme', model: 'acme-large' }], cheap: [{ provider: 'local', model: 'llama3.2' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    host = await startHost(['--data-dir', dataDir], keychainEnv());
    page = await openApp(browser, host.url, (p) => {
      frames = captureFrames(p);
    });
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await Promise.all([ollama?.close(), acme?.close()]);
  });

  const card = (): Locator => page.locator('[data-testid="provider-row"][data-provider="acme"]');

  async function chat(text: string): Promise<Locator> {
    await page.getByTestId('nav-chat').click();
    await page.getByRole('button', { name: /new chat/i }).first().click();
    await page.getByTestId('composer-input').fill(text);
    await page.getByTestId('send').click();
    const answer = page.locator('[data-testid="message"][data-role="assistant"]').last();
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 20_000 }).toMatch(/^(done|error)$/);
    return answer;
  }

  it('keeps the key out of the data folder, the renderer and the logs, even when the provider echoes it', async () => {
    await openSettings(page, 'providers');
    await card().getByTestId('key-input').fill(CANARY);
    await card().getByTestId('key-save').click();
    // The masked form proves the key really was set.
    await expect.poll(() => card().getByTestId('key-status').innerText()).toContain(maskedForm(CANARY));

    // An answer from acme itself, whose request id (the echoed key) is kept with the message.
    const answered = await chat('an answered message');
    expect(await answered.getAttribute('data-status')).toBe('done');
    expect(await answered.getByTestId('message-meta').innerText()).toContain('Acme AI·acme-large');
    await openSettings(page, 'providers');

    // A connection test whose 401 echoes the key, as some hosts do.
    acme.script({ type: 'status', status: 401, target: 'models', message: `Incorrect API key provided: ${CANARY}. Check it.` });
    await card().getByTestId('provider-test').click();
    const probe = card().getByTestId('provider-test-result');
    await expect.poll(() => probe.innerText(), { timeout: 20_000 }).toContain('Incorrect API key provided');

    // The live model list, refused the same way.
    acme.script({ type: 'status', status: 401, target: 'models', message: `Incorrect API key provided: ${CANARY}.` });
    await card().getByRole('button', { name: /Models/ }).click();
    await expect.poll(() => card().locator('.model-browser .error').innerText(), { timeout: 20_000 }).toContain('Incorrect API key provided');

    // A chat whose first try is refused with the key in the message, then answered by the local model.
    acme.script({ type: 'status', status: 429, message: `Rate limit reached for key ${CANARY} (Bearer ${CANARY}).` });
    const fellBack = await chat('first message');
    expect(await fellBack.getAttribute('data-status')).toBe('done');
    expect(await fellBack.getByTestId('message-meta').innerText()).toContain('Ollama·llama3.2');
    expect(await fellBack.innerText()).toContain('Acme AI → Ollama: rate limited');

    // A chat the provider refuses as unauthorised, again echoing the key.
    acme.script({ type: 'status', status: 401, message: `Invalid key ${CANARY}` });
    const refused = await chat('second message');
    expect(await refused.innerText()).toContain('Acme AI → Ollama: key rejected');

    // The provider did get the key, so it was in play throughout.
    expect(acme.requests.some((r) => r.headers.authorization === `Bearer ${CANARY}`)).toBe(true);
    expect(ollama.requests.length).toBeGreaterThanOrEqual(1);
    await page.getByTestId('nav-health').click();
    await expect.poll(() => page.locator('body').innerText()).toMatch(/Acme AI/);

    // (b) Everything the renderer received: real traffic, including the masked key and the answer.
    const received = frames.received.join('\n');
    expect(frames.received.length).toBeGreaterThan(10);
    expect(received).toContain(maskedForm(CANARY));
    expect(received).toContain('Echo: first message');

    // (a) Every file under the data folder, the database (and its write-ahead log) included.
    const onDisk = filesUnder(dataDir).map((f) => ({ name: relative(dataDir, f), text: readFileSync(f, 'utf8') }));
    expect(onDisk.some((f) => f.name.startsWith('switchboard.db') && f.text.includes('Echo: first message'))).toBe(true);

    // (c) The host's stdout and stderr.
    expect(host.output()).toMatch(/^Switchboard: http/m);

    // Every place the key showed up, named, so a failure says where to look.
    const leaks = [
      ...frames.received.filter((f) => f.includes(SECRET_PART)).map((f) => `renderer frame: ${describeFrame(f, frames.sent)}`),
      ...((await page.content()).includes(SECRET_PART) ? ['the page'] : []),
      ...onDisk.filter((f) => f.text.includes(SECRET_PART)).map((f) => `file ${f.name}`),
      ...(host.output().includes(SECRET_PART) ? ['host output'] : []),
    ];
    expect(leaks).toEqual([]);
  });
});
