/**
 * The engine as the last link, through a real core: the cloud provider fails,
 * Ollama is not running (nothing listens on its port), and the built-in engine
 * answers with the tiny model, saying why in the decision trace.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Core } from '../../../electron/main/core/app-core.js';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { closedPort } from '../../engine/closed-port.js';
import { coreWithEngineModel } from '../../engine/engine-core.js';
import { TINY } from '../../engine/engine-fixture.js';

let cloud: FakeProvider;
let core: Core;
let launches: () => number;
let online = true;

beforeAll(async () => {
  cloud = await startFakeProvider({ protocol: 'openai', apiKey: 'sk-cloud-key-1234', models: ['gpt-test'] });
  ({ core, launches } = await coreWithEngineModel(
    {
      providers: [
        { id: 'cloud', kind: 'openai-compatible', baseURL: cloud.baseURL, apiKeyEnv: 'CLOUD_KEY', models: ['gpt-test'] },
        { id: 'ollama', kind: 'ollama', baseURL: `http://127.0.0.1:${await closedPort()}` },
        { id: 'engine', kind: 'engine' },
      ],
      routes: { general: [{ provider: 'cloud', model: 'gpt-test' }] },
      localFallback: { provider: 'ollama', model: 'llama3.2' },
      engineFallback: { provider: 'engine', model: TINY },
    },
    { env: { CLOUD_KEY: 'sk-cloud-key-1234' }, online: () => online },
  ));
});

afterAll(async () => {
  await core?.close();
  await cloud?.close();
});

test('cloud fails, Ollama is not running, the built-in engine answers and the trace says why', async () => {
  cloud.always({ type: 'status', status: 500, message: 'upstream exploded' });
  let shown = '';
  const result = await core.router.route(
    { conversationId: 'c1', messages: [{ role: 'user', content: 'Are you there?' }], taskChoice: 'general' },
    { onText: (t) => (shown += t) },
    new AbortController().signal,
  );
  expect(result.provider).toBe('engine');
  expect(result.model).toBe(TINY);
  expect(result.text).toBe(shown);
  expect(shown.length).toBeGreaterThan(0);
  expect(result.usage?.outputTokens).toBeGreaterThan(0);
  expect(result.attempts.map((a) => [a.provider, a.outcome])).toEqual([
    ['cloud', 'error'],
    ['ollama', 'error'],
    ['engine', 'ok'],
  ]);
  expect(result.attempts[1]?.errorKind).toBe('network');
  expect(launches()).toBe(1);
  expect(result.trace.engine).toBe('built-in engine (Ollama not running)');
}, 90_000);

test('with the cloud answering, the engine is not asked', async () => {
  cloud.always(undefined);
  const before = launches();
  const result = await core.router.route(
    { conversationId: 'c2', messages: [{ role: 'user', content: 'Hi' }], taskChoice: 'general' },
    {},
    new AbortController().signal,
  );
  expect(result.provider).toBe('cloud');
  expect(result.trace.engine).toBeUndefined();
  expect(result.attempts.map((a) => a.provider)).toEqual(['cloud']);
  expect(launches()).toBe(before);
}, 30_000);

test('offline, the route goes straight to Ollama and then the engine, without trying the cloud', async () => {
  online = false;
  cloud.reset();
  try {
    const result = await core.router.route(
      { conversationId: 'c3', messages: [{ role: 'user', content: 'Offline?' }], taskChoice: 'general' },
      {},
      new AbortController().signal,
    );
    expect(result.provider).toBe('engine');
    expect(result.attempts.map((a) => a.provider)).toEqual(['ollama', 'engine']);
    expect(result.trace.skipped).toContainEqual({ provider: 'cloud', model: 'gpt-test', reason: 'offline' });
    expect(result.trace.engine).toBe('built-in engine (Ollama not running)');
    expect(cloud.requests).toHaveLength(0);
  } finally {
    online = true;
  }
}, 60_000);

test('a request that offers tools never reaches the engine, which cannot call them: the route fails and says why', async () => {
  cloud.always({ type: 'status', status: 500, message: 'upstream exploded' });
  const before = launches();
  try {
    const tools = [{ name: 'get_weather', description: 'Weather in a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } }];
    const failed = await core.router
      .route({ conversationId: 'c4', messages: [{ role: 'user', content: 'Weather in Rome?' }], taskChoice: 'general', tools }, {}, new AbortController().signal)
      .then(() => undefined, (e: unknown) => e);
    expect((failed as Error).message).toMatch(/^Every provider failed/);
    const preview = core.router.preview({ messages: [{ role: 'user', content: 'Weather in Rome?' }], taskChoice: 'general', tools });
    expect(JSON.stringify(preview)).toContain('cannot call tools');
    expect(launches()).toBe(before);
  } finally {
    cloud.always(undefined);
  }
}, 30_000);
