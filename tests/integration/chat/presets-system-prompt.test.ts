/**
 * A preset's system prompt and generation settings reach each of the three wire
 * protocols the way that provider's API takes them, checked at the fake server
 * (which, like the real Anthropic API, refuses a "system" role in its messages).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/main/core/app-core.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';

const PROMPT = 'You are a terse assistant. Answer in one line.';
const KEY = 'sk-test-presets-0123456789abcdef';
let fakes: Record<'openai' | 'anthropic' | 'ollama', FakeProvider>;
let core: Core;

beforeAll(async () => {
  fakes = {
    openai: await startFakeProvider({ protocol: 'openai', apiKey: KEY }),
    anthropic: await startFakeProvider({ protocol: 'anthropic', apiKey: KEY }),
    ollama: await startFakeProvider({ protocol: 'ollama', models: ['llama3.2'] }),
  };
  const file = join(mkdtempSync(join(tmpdir(), 'sb-presets-')), 'config.json');
  writeFileSync(
    file,
    JSON.stringify({
      providers: [
        { id: 'gpt', kind: 'openai', baseURL: fakes.openai.baseURL, apiKeyEnv: 'PRESET_KEY', models: ['gpt-4o-mini'] },
        { id: 'claude', kind: 'anthropic', baseURL: fakes.anthropic.baseURL, apiKeyEnv: 'PRESET_KEY', models: ['claude-haiku-4-5'] },
        { id: 'local', kind: 'ollama', baseURL: fakes.ollama.baseURL, models: ['llama3.2'] },
      ],
      routes: { general: [{ provider: 'gpt', model: 'gpt-4o-mini' }] },
      localFallback: { provider: 'local', model: 'llama3.2' },
      presets: [{ id: 'terse', name: 'Terse', systemPrompt: PROMPT, defaultTaskType: 'code', temperature: 0.3, maxOutputTokens: 300 }],
    }),
  );
  core = await createCore({
    host: 'web',
    dataDir: mkdtempSync(join(tmpdir(), 'sb-presets-data-')),
    configFile: file,
    version: '0.0.0-test',
    env: { PRESET_KEY: KEY },
    secretStore: new MemorySecretStore(),
    online: () => true,
  });
});
afterAll(async () => {
  await core.close();
  await Promise.all(Object.values(fakes).map((f) => f.close()));
});

const lastBody = (fake: FakeProvider) => fake.requests[fake.requests.length - 1]?.body as Record<string, unknown>;

async function ask(provider: string, model: string, extra: { conversationId?: string; presetId?: string; systemPrompt?: string } = {}) {
  const sent = core.chat.send({ text: 'What is a monad?', taskType: 'auto', provider, model, ...extra });
  const answer = await sent.finished;
  expect(answer.status, answer.error?.message).toBe('done');
  return sent.conversationId;
}

describe('a preset starts a chat with its system prompt and generation settings', () => {
  it('OpenAI: a system message first, temperature and max_completion_tokens in the body', async () => {
    const id = await ask('gpt', 'gpt-4o-mini', { presetId: 'terse' });
    const body = lastBody(fakes.openai);
    expect((body.messages as unknown[])[0]).toEqual({ role: 'system', content: PROMPT });
    expect(body.temperature).toBe(0.3);
    expect(body.max_completion_tokens).toBe(300);
    const summary = core.storage.conversations.summary(id);
    expect(summary).toMatchObject({ systemPrompt: PROMPT, temperature: 0.3, maxOutputTokens: 300, taskPin: 'code' });
  });

  it('Anthropic: the top-level system field, never a system message, and max_tokens', async () => {
    await ask('claude', 'claude-haiku-4-5', { presetId: 'terse' });
    const body = lastBody(fakes.anthropic);
    expect(body.system).toBe(PROMPT);
    expect((body.messages as { role: string }[]).map((m) => m.role)).toEqual(['user']);
    expect(body.max_tokens).toBe(300);
  });

  it('Ollama: a system message first, temperature and num_predict in options', async () => {
    await ask('local', 'llama3.2', { presetId: 'terse' });
    const body = lastBody(fakes.ollama);
    expect((body.messages as unknown[])[0]).toEqual({ role: 'system', content: PROMPT });
    expect(body.options).toMatchObject({ temperature: 0.3, num_predict: 300 });
  });

  it('every later message of the chat carries it, and a changed prompt applies from the next answer', async () => {
    const id = await ask('claude', 'claude-haiku-4-5', { systemPrompt: 'Be kind.' });
    await ask('claude', 'claude-haiku-4-5', { conversationId: id });
    expect(lastBody(fakes.anthropic).system).toBe('Be kind.');
    await core.handlers['conversations.update']({ id, systemPrompt: 'Be brief.' }, { senderId: 1 });
    await ask('claude', 'claude-haiku-4-5', { conversationId: id });
    expect(lastBody(fakes.anthropic).system).toBe('Be brief.');
    await core.handlers['conversations.update']({ id, systemPrompt: null }, { senderId: 1 });
    await ask('claude', 'claude-haiku-4-5', { conversationId: id });
    expect(lastBody(fakes.anthropic).system).toBeUndefined();
  });

  it('a plain chat sends no system prompt, and an unknown preset is refused in words', async () => {
    await ask('gpt', 'gpt-4o-mini');
    expect((lastBody(fakes.openai).messages as { role: string }[]).map((m) => m.role)).toEqual(['user']);
    expect(() => core.chat.send({ text: 'hi', taskType: 'auto', presetId: 'gone' })).toThrow(/preset no longer exists/);
  });
});

describe('the fake Anthropic server, as the real Messages API', () => {
  it('refuses a "system" role inside messages', async () => {
    const response = await fetch(`${fakes.anthropic.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY, 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/top-level `system` parameter/);
  });
});
