/**
 * SIGKILL while an answer streams: the database is intact, and the answer is
 * kept as interrupted with all but at most the last checkpoint interval
 * (250 ms) of the text the process had received.
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_MS } from '../../electron/main/core/chat/chat-service.js';
import { openStorage } from '../../electron/main/core/store/storage.js';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';
import { oneProviderConfig } from '../integration/cli/one-provider-config.js';
import { spawnHost } from './run-host.js';

const KEY = 'sk-test-kill-0123456789abcdef';
/** Timers in a busy process fire late; this much lateness is not counted as lost text. */
const SCHEDULING_SLACK_MS = 150;

describe('SIGKILL mid-stream', () => {
  let openai: FakeProvider;
  let config: string;
  beforeAll(async () => {
    const story = Array.from({ length: 2000 }, (_, i) => `word${i} `).join('');
    openai = await startFakeProvider({ protocol: 'openai', apiKey: KEY, tokenDelayMs: 10, chunkSize: 6, reply: () => story });
    config = oneProviderConfig(openai, 'KILL_TEST_KEY');
  });
  afterAll(async () => {
    await openai.close();
  });

  it('keeps the text up to the last checkpoint and never corrupts the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-kill-'));
    const child = spawnHost([dir, config, 'stream'], { KILL_TEST_KEY: KEY });
    const deltas: { delta: string; at: number }[] = [];
    let messageId = '';
    const lines = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error('the host exited before it was killed')));
      lines.on('line', (line) => {
        const event = JSON.parse(line) as { messageId?: string; delta?: string; at?: number };
        if (event.messageId) messageId = event.messageId;
        if (event.delta !== undefined) deltas.push({ delta: event.delta, at: event.at! });
        // Well past several checkpoints, then kill it between two of them.
        if (deltas.length > 0 && deltas.at(-1)!.at - deltas[0]!.at > 1200) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.once('close', resolve));

    const db = new Database(join(dir, 'switchboard.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const storage = openStorage(dir);
    const conversation = storage.conversations.list()[0]!;
    const [question, answer] = storage.conversations.get(conversation.id)!.messages;
    storage.close();
    // The question was committed before the request went out.
    expect(question).toMatchObject({ role: 'user', text: 'tell me a long story', status: 'done' });
    expect(answer!.id).toBe(messageId);
    expect(answer!.status).toBe('interrupted');
    const received = deltas.map((d) => d.delta).join('');
    expect(received.startsWith(answer!.text)).toBe(true);
    // Everything the process had received by CHECKPOINT_MS before the last delta it reported is stored.
    const lastAt = deltas.at(-1)!.at;
    const mustHave = deltas.filter((d) => d.at <= lastAt - CHECKPOINT_MS - SCHEDULING_SLACK_MS).map((d) => d.delta).join('');
    expect(mustHave.length).toBeGreaterThan(0);
    expect(answer!.text.length).toBeGreaterThanOrEqual(mustHave.length);
  }, 150_000);
});
