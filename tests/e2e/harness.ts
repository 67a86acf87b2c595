/**
 * End-to-end harness: runs the real headless host (`electron/web/main.ts`) as a
 * child process, as `npm run web` does, and drives the real renderer in Debian's
 * Chromium through playwright-core. Providers are the fake server, in-process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Message } from '../../shared/chat.js';
import type { SettingsInput } from '../../shared/settings.js';
import { openStorage } from '../../electron/main/core/store/storage.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';

const root = join(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function tempDataDir(settings?: SettingsInput): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-e2e-'));
  mkdirSync(dir, { recursive: true });
  if (settings) writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings));
  return dir;
}

/** An environment with no real provider keys, so nothing leaks in from the developer's shell. */
/**
 * A conversation of `count` alternating questions and answers, written through
 * the app's own store (one transaction) before a host opens the data directory.
 */
/** `idPrefix` keeps message ids apart when several conversations are seeded in one folder. */
export function seedConversation(dataDir: string, title: string, count: number, text: (i: number, role: Message['role']) => string, idPrefix = 'm'): string {
  const storage = openStorage(dataDir);
  try {
    const conv = storage.conversations.create(title, 1_000);
    storage.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const role = i % 2 === 0 ? 'user' : 'assistant';
        storage.conversations.putMessage({ id: `${idPrefix}${i}`, conversationId: conv.id, role, text: text(i, role), createdAt: 2_000 + i, status: 'done' });
      }
    })();
    return conv.id;
  } finally {
    storage.close();
  }
}

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/(_API_KEY|_TOKEN|_KEY)$/.test(k) || k.startsWith('OLLAMA')) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

export interface RunningHost {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export async function startHost(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<RunningHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'web', 'main.ts'), '--port', '0', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 45_000);
    child.stdout.on('data', () => {
      const match = /^Switchboard: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    process: child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
}

/**
 * `prepare` runs before the page loads, e.g. to listen to its WebSocket from the
 * first frame. A page from the browser gets a profile of its own; pages of one
 * context share theirs (localStorage), as a user's browser does across visits.
 */
export async function openApp(browser: Browser | BrowserContext, url: string, prepare?: (page: Page) => void): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  prepare?.(page);
  await page.goto(url);
  return page;
}

/** The app open in Chromium with a fake Ollama (llama3.2) to answer, started with the host arguments `args` makes from it. */
export interface LocalApp {
  ollama: FakeProvider;
  browser: Browser;
  host: RunningHost;
  page: Page;
  close(): Promise<void>;
}

export async function startLocalApp(args: (ollama: FakeProvider) => string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<LocalApp> {
  const [ollama, browser] = await Promise.all([startFakeProvider({ protocol: 'ollama', models: ['llama3.2:latest'] }), launchBrowser()]);
  const host = await startHost(args(ollama), env);
  const page = await openApp(browser, host.url);
  return {
    ollama,
    browser,
    host,
    page,
    async close() {
      await host.stop();
      await browser.close();
      await ollama.close();
    },
  };
}

/** Where e2e screenshots go; CI uploads this folder as an artefact. */
export const ARTIFACTS = join(root, 'test-artifacts');

/** The app in the smallest window it is made for, 900×600, with the screenshots folder ready. */
export async function openAppAt900(browser: Browser, url: string): Promise<Page> {
  const page = await openApp(browser, url);
  await page.setViewportSize({ width: 900, height: 600 });
  mkdirSync(ARTIFACTS, { recursive: true });
  return page;
}

export interface CapturedFrames {
  /** What the page received on any WebSocket, from before it loaded. */
  received: string[];
  /** What it sent, to name the call a result answers. */
  sent: string[];
}

export function captureFrames(page: Page): CapturedFrames {
  const frames: CapturedFrames = { received: [], sent: [] };
  const text = (payload: string | Buffer) => (typeof payload === 'string' ? payload : payload.toString('utf8'));
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => frames.received.push(text(payload)));
    ws.on('framesent', ({ payload }) => frames.sent.push(text(payload)));
  });
  return frames;
}

/** A keychain service of the test's own, so keys set in a test never touch the user's. */
export function keychainEnv(): NodeJS.ProcessEnv {
  return cleanEnv({ SWITCHBOARD_KEYCHAIN_SERVICE: `Switchboard-e2e-${process.pid}-${Date.now()}` });
}

export async function openSettings(page: Page, tab: 'providers' | 'routing' | 'presets' | 'local' | 'budgets' | 'api' | 'import' | 'general'): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`tab-${tab}`).click();
}

/** What a user sees of a key: its first 4 and last 4 characters. */
export function maskedForm(key: string): string {
  return `${key.slice(0, 4)}…${key.slice(-4)}`;
}
