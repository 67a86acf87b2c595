/**
 * A user who has Ollama keeps it: with a model installed in the built-in engine
 * (so the engine joins every chain on its own) and the cloud failing, Ollama
 * answers, and the engine's process is never even started.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { coreWithEngineModel } from '../../engine/engine-core.js';

let cloud: FakeProvider;
let ollama: FakeProvider;
let core: Core;
let launches: () => number;

beforeAll(async () => {
  cloud = await startFakeProvider({ protocol: 'openai', apiKey: 'sk-cloud-key-1234', models: ['gpt-test'] });
  ollama = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2'] });
  // No engine in the file: an installed model is enough for it to join the chain.
  ({ core, launches } = await coreWithEngineModel(
    {
      providers: [
        { id: 'cloud', kind: 'openai-compatible', baseURL: cloud.baseURL, apiKeyEnv: 'CLOUD_KEY', models: ['gpt-test'] },
        { id: 'ollama', kind: 'ollama', baseURL: ollama.baseURL },
      ],
      routes: { general: [{ provider: 'cloud', model: 'gpt-test' }] },
      localFallback: { provider: 'ollama', model: 'llama3.2' },
    },
    { env: { CLOUD_KEY: 'sk-cloud-key-1234' } },
  ));
});

afterAll(async () => {
  await core?.close();
  await cloud?.close();
  await ollama?.close();
});

test('the cloud fails and Ollama answers: the engine is in the chain after Ollama but never started', async () => {
  cloud.always({ type: 'status', status: 500, message: 'upstream exploded' });
  const request = { conversationId: 'c1', messages: [{ role: 'user' as const, content: 'Are you there?' }], taskChoice: 'general' };
  const preview = core.router.preview(request);
  expect(preview.chain.map((t) => t.provider)).toEqual(['cloud', 'ollama', 'engine']);
  const result = await core.router.route(request, {}, new AbortController().signal);
  expect(result.provider).toBe('ollama');
  expect(result.attempts.map((a) => [a.provider, a.outcome])).toEqual([
    ['cloud', 'error'],
    ['ollama', 'ok'],
  ]);
  expect(result.trace.engine).toBeUndefined();
  expect(launches()).toBe(0);
}, 30_000);
