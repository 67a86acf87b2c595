/**
 * Thousands of random contract messages through the headless host into a real
 * core: none may crash it, pollute a prototype, grow memory without bound, or
 * come back as anything but a result whose error is in words. `npm run fuzz`
 * runs a larger count; `SWITCHBOARD_FUZZ_SEED` replays one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCore, type Core } from '../../electron/main/core/app-core.js';
import { MemorySecretStore } from '../../electron/main/core/secrets/memory-secret-store.js';
import { startWebHost, type WebHost } from '../../electron/web/server.js';
import type { WsServerMessage } from '../../shared/contract/bridge.js';
import { FuzzValues, seededRandom } from './fuzz-values.js';

const RUNS = Number(process.env.SWITCHBOARD_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.SWITCHBOARD_FUZZ_SEED ?? 20261203);
const BATCH = 50;
// What a handler's own bug looks like when it escapes as a message.
const BUG_WORDS = /Cannot read prop|is not a function|is not iterable|undefined is not|Maximum call stack|\bat \S+\.(?:ts|js):\d+/;

describe(`a fuzz of ${RUNS.toLocaleString('en')} random contract messages (seed ${SEED})`, () => {
  let core: Core;
  let host: WebHost;
  let ws: WebSocket;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sb-fuzz-'));
    core = await createCore({
      host: 'web',
      dataDir,
      version: '0.0.0-fuzz',
      env: {},
      secretStore: new MemorySecretStore(),
      // No provider is reachable: a chat the fuzz manages to start fails fast, offline.
      fetch: () => Promise.reject(new TypeError('fetch failed')),
      online: () => false,
    });
    host = await startWebHost({ handlers: core.handlers, events: core.events, rendererDir: dataDir, port: 0 });
    ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
  });
  afterAll(async () => {
    ws?.close();
    await host?.close();
    await core?.close();
  });

  it('answers every one with a result, never a crash, and keeps memory bounded', { timeout: 600_000 }, async () => {
    const fuzz = new FuzzValues(seededRandom(SEED));
    const waiting = new Map<number, (m: Extract<WsServerMessage, { type: 'result' }>) => void>();
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as WsServerMessage;
      if (message.type === 'result') waiting.get(message.id)?.(message);
    });
    const bugs: string[] = [];
    const outcomes = { ok: 0, invalid_input: 0, unknown_call: 0, failed: 0 };
    let peakRss = 0;
    const startRss = process.memoryUsage().rss;
    for (let first = 1; first <= RUNS; first += BATCH) {
      const ids = Array.from({ length: Math.min(BATCH, RUNS - first + 1) }, (_, i) => first + i);
      const results = ids.map(
        (id) =>
          new Promise<Extract<WsServerMessage, { type: 'result' }>>((resolve) => {
            waiting.set(id, resolve);
          }),
      );
      const sent = ids.map((id) => fuzz.message(id));
      for (const message of sent) ws.send(message);
      const answered = await Promise.all(results);
      for (const [i, { result }] of answered.entries()) {
        waiting.delete(ids[i] ?? 0);
        if (result.ok) outcomes.ok++;
        else {
          outcomes[result.error.code]++;
          if (typeof result.error.message !== 'string' || BUG_WORDS.test(result.error.message)) bugs.push(`${(sent[i] ?? '').slice(0, 200)} → ${result.error.message}`);
        }
      }
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    expect(bugs).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Every kind of answer came up, so the fuzz reached past input validation.
    expect(outcomes.invalid_input).toBeGreaterThan(0);
    expect(outcomes.unknown_call).toBeGreaterThan(0);
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.ok + outcomes.invalid_input + outcomes.unknown_call + outcomes.failed).toBe(RUNS);
    expect(peakRss - startRss).toBeLessThan(512 * 1024 * 1024);
    // Still itself afterwards.
    const settings = await core.handlers['settings.get']({}, { senderId: 1 });
    expect(settings).toBeDefined();
  });
});
