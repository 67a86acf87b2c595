/**
 * Proves the fake provider is faithful: the official SDKs, unmodified, read its
 * answers, usage, errors and in-stream failures the way they read the real services.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI, { APIError as OpenAIError } from 'openai';
import Anthropic, { APIError as AnthropicError } from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';

const ask = (text: string) => [{ role: 'user' as const, content: text }];

describe('fake OpenAI through the openai SDK', () => {
  let fake: FakeProvider;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await startFakeProvider({ protocol: 'openai', apiKey: 'sk-right' });
    client = new OpenAI({ baseURL: fake.baseURL, apiKey: 'sk-right', maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('streams the reply in several chunks with the usage chunk before [DONE]', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini', messages: ask('hello there'), stream: true, stream_options: { include_usage: true },
    });
    let text = '';
    let contentChunks = 0;
    let finish: string | null | undefined;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) { text += choice.delta.content; contentChunks += 1; }
      if (choice?.finish_reason) finish = choice.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Echo: hello there');
    expect(contentChunks).toBeGreaterThan(2);
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBe(contentChunks);
    expect(fake.lastUsage).toEqual({ inputTokens: usage?.prompt_tokens, outputTokens: usage?.completion_tokens });
    expect(fake.requests[0]).toMatchObject({ stream: true, model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello there' }] });
  });

  it('answers without streaming, with usage and the request id', async () => {
    const { data, request_id } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: ask('ping') })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: ping');
    expect(data.usage).toMatchObject({ completion_tokens: 3, total_tokens: (data.usage?.prompt_tokens ?? 0) + 3 });
    expect(request_id).toMatch(/^req_/);
  });

  it('answers anew after a trailing assistant message, as Chat Completions does', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini', messages: [...ask('hello there'), { role: 'assistant', content: 'Echo: hel' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: hello there');
  });

  it('as a prefix host, continues only the assistant message flagged prefix: true, and only on its endpoint', async () => {
    const deepseek = await startFakeProvider({ protocol: 'openai', prefix: { endpoint: '/beta/chat/completions' } });
    try {
      const stable = new OpenAI({ baseURL: deepseek.baseURL, apiKey: 'k', maxRetries: 0 });
      const beta = new OpenAI({ baseURL: `${deepseek.url}/beta`, apiKey: 'k', maxRetries: 0 });
      const flagged = { role: 'assistant', content: 'Echo: hel', prefix: true } as OpenAI.ChatCompletionAssistantMessageParam;
      const plain = { role: 'assistant', content: 'Echo: hel' } as const;
      const reply = async (c: OpenAI, last: OpenAI.ChatCompletionMessageParam) =>
        (await c.chat.completions.create({ model: 'deepseek-chat', messages: [...ask('hello there'), last] })).choices[0]?.message.content;
      expect(await reply(beta, flagged)).toBe('lo there');
      expect(await reply(beta, plain)).toBe('Echo: hello there');
      expect(await reply(stable, flagged)).toBe('Echo: hello there');
    } finally {
      await deepseek.close();
    }
  });

  it('rejects a wrong key with the real 401 body', async () => {
    const wrong = new OpenAI({ baseURL: fake.baseURL, apiKey: 'sk-wrong', maxRetries: 0 });
    const error = await wrong.models.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });
    expect((error as OpenAIError).requestID).toMatch(/^req_/);
  });

  it('surfaces scripted 429s: rate limit with retry-after, then quota, then success', async () => {
    fake.script({ type: 'status', status: 429, retryAfter: '7' }, { type: 'status', status: 429, code: 'insufficient_quota' });
    const limited = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('a') }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited).toMatchObject({ code: 'rate_limit_exceeded', type: 'tokens' });
    expect((limited as OpenAIError).headers?.get('retry-after')).toBe('7');
    const quota = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('a') }).catch((e: unknown) => e);
    expect(quota).toMatchObject({ status: 429, code: 'insufficient_quota', type: 'insufficient_quota' });
    const ok = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('a') });
    expect(ok.choices[0]?.message.content).toBe('Echo: a');
  });

  it('maps 404 to NotFoundError with model_not_found', async () => {
    fake.script({ type: 'status', status: 404 });
    const error = await client.chat.completions.create({ model: 'gpt-9', messages: ask('a') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as OpenAIError).message).toContain('The model `gpt-9` does not exist');
  });

  it('turns an in-stream error into an APIError after the text sent so far', async () => {
    fake.script({ type: 'error-mid-stream', afterChunks: 2 });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('hello there'), stream: true });
    let text = '';
    const error = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ status: undefined, code: 'server_error' });
    expect(text).toBe('Echo: he');
    expect(fake.lastUsage).toBeUndefined();
  });

  it('groq flavor reports stream usage in x_groq.usage of the finish chunk', async () => {
    const groq = await startFakeProvider({ protocol: 'openai', flavor: 'groq' });
    try {
      const sdk = new OpenAI({ baseURL: groq.baseURL, apiKey: 'gsk', maxRetries: 0 });
      const stream = await sdk.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: ask('hi'), stream: true });
      let groqUsage: unknown;
      for await (const chunk of stream) {
        const extra = (chunk as unknown as { x_groq?: { usage?: unknown } }).x_groq;
        if (chunk.choices[0]?.finish_reason) groqUsage = extra?.usage;
      }
      expect(groqUsage).toMatchObject({ completion_tokens: 2, prompt_tokens: 1, queue_time: expect.any(Number) });
    } finally {
      await groq.close();
    }
  });
});

describe('fake Ollama /v1 layer through the openai SDK', () => {
  it('omits usage until the choices:[] chunk and uses Ollama error types', async () => {
    const fake = await startFakeProvider({ protocol: 'openai', flavor: 'ollama-openai' });
    try {
      const client = new OpenAI({ baseURL: `${fake.baseURL}/`, apiKey: 'ollama', maxRetries: 0 });
      const stream = await client.chat.completions.create({
        model: 'llama3.2', messages: ask('hi'), stream: true, stream_options: { include_usage: true },
      });
      const usages: unknown[] = [];
      for await (const chunk of stream) usages.push(chunk.usage);
      expect(usages.slice(0, -1).every((usage) => usage === undefined)).toBe(true);
      expect(usages.at(-1)).toEqual({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 });
      const error = await client.chat.completions.create({ model: 'mistral', messages: ask('hi') }).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 404, type: 'not_found_error', code: null });
    } finally {
      await fake.close();
    }
  });
});

describe('fake Anthropic through the @anthropic-ai/sdk', () => {
  let fake: FakeProvider;
  let client: Anthropic;
  beforeAll(async () => {
    fake = await startFakeProvider({ protocol: 'anthropic', apiKey: 'sk-ant-right' });
    client = new Anthropic({ baseURL: fake.baseURL, apiKey: 'sk-ant-right', maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('streams message events and finalMessage carries the cumulative usage', async () => {
    const stream = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 256, system: 'be brief', messages: ask('hello there') });
    let text = '';
    stream.on('text', (delta) => { text += delta; });
    const message = await stream.finalMessage();
    expect(text).toBe('Echo: hello there');
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBe(5);
    expect(fake.lastUsage).toEqual({ inputTokens: message.usage.input_tokens, outputTokens: 5 });
    expect(fake.requests[0]?.messages[0]).toEqual({ role: 'system', content: 'be brief' });
    expect(stream.request_id).toMatch(/^req_/);
  });

  it('answers without streaming and stops at max_tokens', async () => {
    const message = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 2, messages: ask('hello there') });
    expect(message.content[0]).toMatchObject({ type: 'text', text: 'Echo: he' });
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(2);
  });

  it('continues a prefill and refuses one that ends in whitespace', async () => {
    const resumed = await client.messages.create({
      model: 'claude-haiku-4-5', max_tokens: 256, messages: [...ask('hello there'), { role: 'assistant', content: 'Echo: hello' }],
    });
    expect(resumed.content[0]).toMatchObject({ text: ' there' });
    const error = await client.messages.create({
      model: 'claude-haiku-4-5', max_tokens: 256, messages: [...ask('hello there'), { role: 'assistant', content: 'Echo: ' }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('refuses a text prefill when extended thinking is on', async () => {
    const error = await client.messages.create({
      model: 'claude-haiku-4-5', max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [...ask('hello there'), { role: 'assistant', content: 'Echo: hello' }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as AnthropicError).message).toMatch(/thinking/);
  });

  it('surfaces 401, 429 and 529 bodies with type and request id', async () => {
    const wrong = new Anthropic({ baseURL: fake.baseURL, apiKey: 'nope', maxRetries: 0 });
    const auth = await wrong.messages.create({ model: 'claude-haiku-4-5', max_tokens: 9, messages: ask('a') }).catch((e: unknown) => e);
    expect(auth).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(auth).toMatchObject({ type: 'authentication_error' });

    fake.script({ type: 'status', status: 429, retryAfter: '3' }, { type: 'status', status: 529 });
    const limited = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 9, messages: ask('a') }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(Anthropic.RateLimitError);
    expect(limited).toMatchObject({ status: 429, type: 'rate_limit_error' });
    expect((limited as AnthropicError).headers?.get('retry-after')).toBe('3');
    expect((limited as AnthropicError).requestID).toMatch(/^req_/);
    const overloaded = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 9, messages: ask('a') }).catch((e: unknown) => e);
    expect(overloaded).toBeInstanceOf(Anthropic.InternalServerError);
    expect(overloaded).toMatchObject({ status: 529, type: 'overloaded_error' });
  });

  it('turns an `event: error` into an overloaded APIError mid-stream', async () => {
    fake.script({ type: 'error-mid-stream', afterChunks: 1 });
    const stream = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 256, messages: ask('hello there') });
    let text = '';
    stream.on('text', (delta) => { text += delta; });
    const error = await stream.finalMessage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).toMatchObject({ status: undefined, type: 'overloaded_error' });
    expect(text).toBe('Echo');
  });

  it('lists models through the paginated endpoint', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list({ limit: 1 })) ids.push(model.id);
    expect(ids).toEqual(['claude-sonnet-4-5', 'claude-haiku-4-5']);
  });
});

describe('fake Ollama through ollama-js', () => {
  let fake: FakeProvider;
  let client: Ollama;
  beforeAll(async () => {
    fake = await startFakeProvider({ protocol: 'ollama', models: ['llama3.2'] });
    client = new Ollama({ host: fake.url });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('streams NDJSON ending in done with eval counts', async () => {
    const stream = await client.chat({ model: 'llama3.2', messages: ask('hello there'), stream: true });
    let text = '';
    let parts = 0;
    let last: { done: boolean; done_reason: string; eval_count: number; prompt_eval_count: number } | undefined;
    for await (const part of stream) {
      text += part.message.content;
      if (!part.done) parts += 1;
      last = part;
    }
    expect(text).toBe('Echo: hello there');
    expect(last).toMatchObject({ done: true, done_reason: 'stop', eval_count: parts });
    expect(fake.lastUsage).toEqual({ inputTokens: last?.prompt_eval_count, outputTokens: parts });
    expect((await client.ps()).models.map((m) => m.name)).toEqual(['llama3.2:latest']);
  });

  it('answers without streaming, and 404s a model that is not pulled', async () => {
    const reply = await client.chat({ model: 'llama3.2:latest', messages: ask('ping') });
    expect(reply).toMatchObject({ done: true, message: { content: 'Echo: ping' }, eval_count: 3 });
    const error = await client.chat({ model: 'mistral', messages: ask('ping') }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ResponseError', status_code: 404, error: 'model "mistral" not found, try pulling it first' });
  });

  it('throws the error line that arrives mid-stream', async () => {
    fake.script({ type: 'error-mid-stream', afterChunks: 1, message: 'llama runner process has terminated' });
    const stream = await client.chat({ model: 'llama3.2', messages: ask('hello'), stream: true });
    const error = await (async () => {
      for await (const _part of stream) { /* drain */ }
    })().catch((e: unknown) => e);
    expect((error as Error).message).toBe('llama runner process has terminated');
  });

  it('pulls with progress lines, lists the model, then deletes it', async () => {
    const statuses: string[] = [];
    let sawProgress = false;
    for await (const progress of await client.pull({ model: 'qwen2.5:0.5b', stream: true })) {
      statuses.push(progress.status);
      if (progress.completed > 0 && progress.completed < progress.total) sawProgress = true;
    }
    expect(statuses[0]).toBe('pulling manifest');
    expect(statuses[1]).toMatch(/^pulling [0-9a-f]{12}$/);
    expect(statuses.slice(-4)).toEqual(['verifying sha256 digest', 'writing manifest', 'removing unused layers', 'success']);
    expect(sawProgress).toBe(true);
    expect((await client.list()).models.map((m) => m.name)).toContain('qwen2.5:0.5b');

    await client.delete({ model: 'qwen2.5:0.5b' });
    expect((await client.list()).models.map((m) => m.name)).toEqual(['llama3.2:latest']);
    const missing = await client.delete({ model: 'qwen2.5:0.5b' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ status_code: 404, error: "model 'qwen2.5:0.5b' not found" });
  });

  it('reports an unknown model as an error line in a 200 pull', async () => {
    const error = await (async () => {
      for await (const _progress of await client.pull({ model: 'no-such-model', stream: true })) { /* drain */ }
    })().catch((e: unknown) => e);
    expect((error as Error).message).toBe('pull model manifest: file does not exist');
    expect(fake.models).toEqual(['llama3.2:latest']);
  });
});
