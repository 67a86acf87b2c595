/**
 * The scripted faults, as the official SDKs experience them: broken, stalled and
 * truncated bodies, targeted faults, cancellation, and a close() that never hangs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { Ollama } from 'ollama';
import { startFakeProvider, type FakeProvider } from '../fake-provider/index.js';

const ask = (text: string) => [{ role: 'user' as const, content: text }];

async function drainText(stream: AsyncIterable<OpenAI.ChatCompletionChunk>): Promise<{ text: string; finish?: string; error?: unknown }> {
  let text = '';
  let finish: string | undefined;
  try {
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
  } catch (error) {
    return { text, finish, error };
  }
  return { text, finish };
}

describe('stream faults against the openai SDK', () => {
  let fake: FakeProvider;
  let client: OpenAI;
  beforeAll(async () => {
    fake = await startFakeProvider({ protocol: 'openai' });
    client = new OpenAI({ baseURL: fake.baseURL, apiKey: 'k', maxRetries: 0 });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  const streamHello = () => client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('hello there'), stream: true });

  it('cut-connection breaks the body after the given chunks', async () => {
    fake.script({ type: 'cut-connection', afterChunks: 3 });
    const result = await drainText(await streamHello());
    expect(result.text).toBe('Echo: hello ');
    expect(result.error).toBeInstanceOf(Error);
  });

  it('no-terminator ends cleanly with no finish reason', async () => {
    fake.script({ type: 'no-terminator', afterChunks: 2 });
    const result = await drainText(await streamHello());
    expect(result).toEqual({ text: 'Echo: he', finish: undefined });
  });

  it('malformed-chunk makes the SDK throw a parse error', async () => {
    fake.script({ type: 'malformed-chunk', afterChunks: 1 });
    const result = await drainText(await streamHello());
    expect(result.text).toBe('Echo');
    expect(result.error).toBeInstanceOf(SyntaxError);
  });

  it('stall-mid-stream pauses and then finishes the answer', async () => {
    fake.script({ type: 'stall-mid-stream', afterChunks: 2, ms: 30 });
    expect(await drainText(await streamHello())).toEqual({ text: 'Echo: hello there', finish: 'stop' });
  });

  it('stall-before-first-token sends the 200 headers, then holds the body back', async () => {
    fake.script({ type: 'stall-before-first-token', ms: 600_000 });
    // The SDK's own timeout ends at the headers, so it resolves despite the stall.
    const response = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: ask('x'), stream: true }, { timeout: 5_000 })
      .withResponse();
    expect(response.response.status).toBe(200);
    expect(response.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    response.data.controller.abort();
    expect((await drainText(response.data)).text).toBe('');
  });

  it('a short first-token stall still delivers the whole answer', async () => {
    fake.script({ type: 'stall-before-first-token', ms: 20 });
    expect(await drainText(await streamHello())).toEqual({ text: 'Echo: hello there', finish: 'stop' });
  });

  it('stall-before-headers makes the request time out before any response', async () => {
    fake.script({ type: 'stall-before-headers', ms: 60_000 });
    const error = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('x') }, { timeout: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  it('cuts a non-streamed body before the JSON is complete', async () => {
    fake.script({ type: 'cut-connection', afterChunks: 0 });
    const error = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('x') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
  });

  it('a fault aimed at models leaves chat alone; "none" entries keep their place', async () => {
    fake.script({ type: 'status', status: 503, target: 'models' }, { type: 'none' }, { type: 'status', status: 500 });
    const chat1 = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('a') });
    expect(chat1.choices[0]?.message.content).toBe('Echo: a');
    const chat2 = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('a') }).catch((e: unknown) => e);
    expect(chat2).toBeInstanceOf(OpenAI.InternalServerError);
    const models = await client.models.list().catch((e: unknown) => e);
    expect(models).toMatchObject({ status: 503 });
    expect((await client.models.list()).data.map((m) => m.id)).toEqual(['gpt-4o-mini', 'gpt-4o']);
  });

  it('always() applies until cleared', async () => {
    fake.always({ type: 'status', status: 429, code: 'insufficient_quota' });
    for (let i = 0; i < 2; i++) {
      await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('a') })).rejects.toMatchObject({ code: 'insufficient_quota' });
    }
    fake.always(undefined);
    await expect(client.chat.completions.create({ model: 'gpt-4o-mini', messages: ask('a') })).resolves.toBeTruthy();
  });
});

describe('stream faults against the anthropic SDK', () => {
  it('no-terminator leaves the message unfinished; cut-connection terminates it', async () => {
    const fake = await startFakeProvider({ protocol: 'anthropic' });
    try {
      const client = new Anthropic({ baseURL: fake.baseURL, apiKey: 'k', maxRetries: 0 });
      fake.script({ type: 'no-terminator', afterChunks: 2 });
      const stream = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 99, messages: ask('hello there') });
      let text = '';
      stream.on('text', (delta) => { text += delta; });
      const outcome = await stream.finalMessage().catch((e: unknown) => e);
      expect(text).toBe('Echo: he');
      // Without message_stop the SDK never finalises the message.
      expect((outcome as Error).message).toBe('stream ended without producing a Message with role=assistant');
      expect(fake.lastUsage).toBeUndefined();

      fake.script({ type: 'cut-connection', afterChunks: 1 });
      const cut = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 99, messages: ask('hello there') });
      await expect(cut.finalMessage()).rejects.toThrow('terminated');
    } finally {
      await fake.close();
    }
  });
});

describe('ollama faults and cancellation', () => {
  it('a cancelled slow pull does not install the model', async () => {
    const fake = await startFakeProvider({ protocol: 'ollama', pullDelayMs: 40 });
    try {
      const client = new Ollama({ host: fake.url });
      const progress = await client.pull({ model: 'gemma3:1b', stream: true });
      const seen: string[] = [];
      const drained = (async () => {
        for await (const part of progress) {
          seen.push(part.status);
          if (seen.length === 2) progress.abort();
        }
      })().catch((e: unknown) => e);
      expect(await drained).toMatchObject({ name: 'AbortError' });
      expect(seen).toHaveLength(2);
      expect(fake.models).toEqual(['llama3.2:latest']);
    } finally {
      await fake.close();
    }
  });

  it('malformed lines are skipped by ollama-js, as the real client does', async () => {
    const fake = await startFakeProvider({ protocol: 'ollama' });
    try {
      const client = new Ollama({ host: fake.url });
      fake.script({ type: 'malformed-chunk', afterChunks: 1 });
      let text = '';
      for await (const part of await client.chat({ model: 'llama3.2', messages: ask('hello'), stream: true })) text += part.message.content;
      expect(text).toBe('Echo: hello');
    } finally {
      await fake.close();
    }
  });
});

describe('close()', () => {
  it('returns even while a response is stalled', async () => {
    const fake = await startFakeProvider({ protocol: 'ollama' });
    fake.always({ type: 'stall-before-first-token', ms: 600_000 });
    const client = new Ollama({ host: fake.url });
    const pending = client.chat({ model: 'llama3.2', messages: ask('x'), stream: false }).catch((e: unknown) => e);
    while (fake.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await fake.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
