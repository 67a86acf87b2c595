import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { deleteModel, listInstalled, listLoaded, pullModel, type PullProgress } from '../../../electron/main/core/providers/ollama/ollama-models.js';
import { createAdapter } from '../../../electron/main/core/providers/create-adapter.js';
import { ProviderError } from '../../../electron/main/core/providers/provider-error.js';
import { callOptions, drain, NO_HANG_MS } from './harness.js';

describe('Ollama model management', () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2'], pullable: ['qwen2.5-coder'], pullDelayMs: 20 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const at = () => ({ baseURL: `${fake.baseURL}/v1/` });

  test('lists installed models', async () => {
    const installed = await listInstalled(at());
    expect(installed.map((m) => m.name)).toEqual(['llama3.2:latest']);
    expect(installed[0]?.sizeBytes).toBeGreaterThan(0);
  });

  test('pulls with byte progress up to 100%', async () => {
    const seen: PullProgress[] = [];
    await pullModel(at(), 'qwen2.5-coder', (p) => seen.push(p));
    expect(seen.at(-1)?.percent).toBe(100);
    const sized = seen.filter((p) => p.totalBytes > 0);
    expect(sized.length).toBeGreaterThan(0);
    expect(sized.every((p, i) => i === 0 || p.completedBytes >= (sized[i - 1]?.completedBytes ?? 0))).toBe(true);
    expect(fake.models).toContain('qwen2.5-coder:latest');
  });

  test('a pull can be cancelled midway', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const error = await pullModel({ ...at(), signal: controller.signal }, 'qwen2.5-coder', () => controller.abort()).catch((e: unknown) => e);
    expect(ProviderError.is(error) && error.kind).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(NO_HANG_MS);
    expect(fake.models).not.toContain('qwen2.5-coder:latest');
  });

  test('a model the registry does not know is model_not_found', async () => {
    const error = await pullModel(at(), 'no-such-model').catch((e: unknown) => e);
    expect(ProviderError.is(error) && error.kind).toBe('model_not_found');
  });

  test('deletes, and deleting twice is model_not_found', async () => {
    await deleteModel(at(), 'llama3.2');
    expect(fake.models).not.toContain('llama3.2:latest');
    const error = await deleteModel(at(), 'llama3.2').catch((e: unknown) => e);
    expect(ProviderError.is(error) && error.kind).toBe('model_not_found');
  });

  test('lists what is loaded after a chat', async () => {
    expect(await listLoaded(at())).toEqual([]);
    const local = createAdapter({ id: 'ollama', kind: 'ollama', baseURL: fake.baseURL, defaultModels: [] });
    await drain(local.stream({ model: 'llama3.2', messages: [{ role: 'user', content: 'hi' }] }, callOptions()));
    expect((await listLoaded(at())).map((m) => m.name)).toEqual(['llama3.2:latest']);
  });
});
