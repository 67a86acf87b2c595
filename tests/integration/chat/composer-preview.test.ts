/**
 * The composer's "auto → …" comes from the router's own detection, for the
 * message as it would be sent: after a long conversation even a short question
 * is previewed as long-context, as the send then routes it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core/app-core.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';

let ollama: FakeProvider;
let core: Core;

beforeAll(async () => {
  ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2'], reply: () => 'ok' });
  const configFile = join(mkdtempSync(join(tmpdir(), 'sb-preview-')), 'config.json');
  writeFileSync(configFile, JSON.stringify({ providers: [{ id: 'local', kind: 'ollama', baseURL: ollama.baseURL, models: ['llama3.2'] }], localFallback: { provider: 'local', model: 'llama3.2' } }));
  core = await createCore({
    host: 'web',
    dataDir: mkdtempSync(join(tmpdir(), 'sb-preview-data-')),
    configFile,
    version: '0.0.0-test',
    env: {},
    secretStore: new MemorySecretStore(),
    online: () => true,
  });
});
afterAll(async () => {
  await core.close();
  await ollama.close();
});

const preview = (text: string, conversationId?: string) => core.handlers['routing.preview']({ text, taskType: 'auto', ...(conversationId ? { conversationId } : {}) }, { senderId: 1 });

describe('the composer preview', () => {
  it('says what auto would pick for the text alone in a new chat', async () => {
    expect(await preview('fix this: ```js\nx()\n```')).toMatchObject({ taskType: 'code', reason: 'auto → code: code fence' });
    expect(await preview('and what about Friday?')).toMatchObject({ taskType: 'general' });
  });

  it('counts an open conversation’s history, as the send will', async () => {
    const sent = core.chat.send({ text: `Summarise this: ${'a long line of words to read. '.repeat(4000)}`, taskType: 'general' });
    await sent.finished;
    const asSent = await preview('and what about Friday?', sent.conversationId);
    expect(asSent.taskType).toBe('long-context');
    expect(asSent.reason).toMatch(/^auto → long-context: ~\d+k tokens/);
  });
});
