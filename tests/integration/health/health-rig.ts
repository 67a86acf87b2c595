/**
 * A real core on a fresh data folder over fake providers (real SDKs, real
 * SQLite), for the health read-out, the connection test and usage.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../electron/main/core/app-core.js';
import { realClock, type Clock } from '../../../electron/main/core/clock.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import type { RouteResult } from '../../../electron/main/core/router/types.js';
import type { TaskChoice } from '../../../shared/task-types.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';

export const KEY = 'sk-health-test-key-0123456789';

export interface HealthRig {
  core: Core;
  dataDir: string;
  /** Sends one message through the router, as chat does. */
  send(text?: string, options?: { task?: TaskChoice; signal?: AbortSignal }): Promise<RouteResult>;
  /** Every attempt row, oldest first. */
  rows(): Record<string, unknown>[];
  close(): Promise<void>;
}

/** `online` is what the OS says about the network (true unless a test says otherwise); `clock` lets a test move time on. */
export async function startRig(settings: Record<string, unknown>, options: { online?: () => boolean; clock?: Clock } = {}): Promise<HealthRig> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-health-'));
  const configFile = join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify(settings));
  const core = await createCore({
    host: 'cli',
    dataDir,
    configFile,
    version: '0.0.0-test',
    env: { HEALTH_KEY: KEY },
    secretStore: new MemorySecretStore(),
    online: options.online ?? (() => true),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  let n = 0;
  return {
    core,
    dataDir,
    send: (text = 'hello there', options = {}) =>
      core.router.route(
        { conversationId: `c${++n}`, messages: [{ role: 'user', content: text }], taskChoice: options.task ?? 'general', source: 'chat' },
        {},
        options.signal ?? new AbortController().signal,
      ),
    rows: () => {
      core.storage.attempts.flush();
      return core.storage.db.prepare('SELECT * FROM attempts ORDER BY id').all() as Record<string, unknown>[];
    },
    close: () => core.close(),
  };
}

export const openaiProvider = (id: string, baseURL: string, models = ['m1']) => ({ id, kind: 'openai-compatible', baseURL, apiKeyEnv: 'HEALTH_KEY', models });

/** Two OpenAI-protocol fakes that accept KEY. */
export const twoFakes = (models = ['m1']): Promise<FakeProvider[]> =>
  Promise.all([startFakeProvider({ protocol: 'openai', apiKey: KEY, models }), startFakeProvider({ protocol: 'openai', apiKey: KEY, models })]);

/** Between tests: the rig closed, and every fake back to behaving normally. */
export async function resetAll(rig: HealthRig | undefined, fakes: FakeProvider[]): Promise<void> {
  await rig?.close();
  for (const f of fakes) {
    f.reset();
    f.always(undefined);
  }
}

/** The real clock, moved on by `advance`: what an hour later looks like without waiting one. */
export function offsetClock(): Clock & { advance(ms: number): void; moveTo(at: number): void } {
  let offset = 0;
  return { now: () => Date.now() + offset, setTimeout: realClock.setTimeout, advance: (ms) => void (offset += ms), moveTo: (at) => void (offset = at - Date.now()) };
}
