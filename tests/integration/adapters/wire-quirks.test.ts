import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../fake-provider/index.js';
import { createAdapter } from '../../../electron/main/core/providers/create-adapter.js';
import { callOptions, drain, KEY } from './harness.js';

const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }], maxTokens: 50 };

describe('OpenAI-compatible quirks and headers reach the wire', () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeProvider({ protocol: 'openai', apiKey: KEY });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const adapter = (preset: string, headers?: Record<string, string>) =>
    createAdapter({ id: preset, kind: preset === 'openai' ? 'openai' : 'openai-compatible', preset, baseURL: fake.baseURL, apiKey: KEY, defaultModels: ['m'], ...(headers ? { headers } : {}) });

  test('Cohere gets no stream_options; OpenAI asks for usage', async () => {
    await drain(adapter('cohere').stream(ask, callOptions()));
    expect(fake.requests.at(-1)?.body).not.toHaveProperty('stream_options');
    await drain(adapter('openai').stream(ask, callOptions()));
    expect(fake.requests.at(-1)?.body).toMatchObject({ stream_options: { include_usage: true } });
  });

  test('Zhipu gets max_tokens, OpenAI max_completion_tokens', async () => {
    await adapter('zhipu').complete(ask, callOptions());
    expect(fake.requests.at(-1)?.body).toMatchObject({ max_tokens: 50 });
    expect(fake.requests.at(-1)?.body).not.toHaveProperty('max_completion_tokens');
    await adapter('openai').complete(ask, callOptions());
    expect(fake.requests.at(-1)?.body).toMatchObject({ max_completion_tokens: 50 });
  });

  test('extra headers of a custom gateway go on every request', async () => {
    const gateway = adapter('custom', { 'x-portkey-config': 'cfg-1' });
    await drain(gateway.stream(ask, callOptions()));
    await gateway.listModels(new AbortController().signal);
    expect(fake.requests.at(-1)?.headers['x-portkey-config']).toBe('cfg-1');
  });
});

describe('Anthropic request shape', () => {
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeProvider({ protocol: 'anthropic', apiKey: KEY });
  });
  afterAll(() => fake.close());

  test('max_tokens defaults to 4096 and system goes top-level', async () => {
    const adapter = createAdapter({ id: 'anthropic', kind: 'anthropic', baseURL: fake.baseURL, apiKey: KEY, defaultModels: [] });
    await drain(adapter.stream({ model: 'claude-haiku-4-5', messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'hi' }] }, callOptions()));
    expect(fake.requests.at(-1)?.body).toMatchObject({ max_tokens: 4096, system: 'be brief' });
  });
});
