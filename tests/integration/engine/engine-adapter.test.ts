/**
 * The built-in engine through the adapter interface, on a real node-llama-cpp in
 * a real child process, with the tiny random-weight model: what the router and the
 * user see is streamed text, usage, a prompt stop, and errors in the shared words.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { ProviderError } from '../../../electron/main/core/providers/provider-error.js';
import type { StreamEvent } from '../../../electron/main/core/providers/types.js';
import { engineCall, startEngine, TINY, writeJunkModel } from '../../engine/engine-fixture.js';

const ask = (content: string, maxTokens = 24) => ({ model: TINY, messages: [{ role: 'user' as const, content }], maxTokens });

async function failureOf(run: () => Promise<unknown>): Promise<ProviderError> {
  try {
    await run();
  } catch (error) {
    if (ProviderError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('built-in engine adapter', () => {
  const engine = startEngine();
  afterAll(() => engine.host.close());

  test('streams open, text in several chunks, then done with the tokens it used', async () => {
    const events: StreamEvent[] = [];
    for await (const event of engine.adapter.stream(ask('Hello there'), engineCall())) events.push(event);
    expect(events[0]?.type).toBe('open');
    const texts = events.filter((e) => e.type === 'text');
    expect(texts.length).toBeGreaterThan(1);
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.usage?.inputTokens).toBeGreaterThan(0);
    expect(done.usage?.outputTokens).toBeGreaterThan(0);
    expect(done.usage?.outputTokens).toBeLessThanOrEqual(24);
  }, 60_000);

  test('the same question gets the same answer (temperature 0), streamed or not', async () => {
    let streamed = '';
    for await (const event of engine.adapter.stream(ask('Same question'), engineCall())) if (event.type === 'text') streamed += event.text;
    const completed = await engine.adapter.complete(ask('Same question'), engineCall());
    expect(completed.text).toBe(streamed);
    expect(completed.usage?.outputTokens).toBeGreaterThan(0);
  }, 60_000);

  test('stop ends the answer at once with "cancelled" and keeps the text so far; the next question is answered', async () => {
    const controller = new AbortController();
    let received = '';
    const failure = await failureOf(async () => {
      for await (const event of engine.adapter.stream(ask('Tell me a long story', 2000), engineCall(controller.signal))) {
        if (event.type === 'text') {
          received += event.text;
          controller.abort();
        }
      }
    });
    expect(failure.kind).toBe('cancelled');
    expect(failure.partialText).toBe(received);
    const next = await engine.adapter.complete(ask('Still there?', 8), engineCall());
    expect(next.usage?.outputTokens).toBeGreaterThan(0);
  }, 60_000);

  test('a model that is not installed is model_not_found, in words', async () => {
    const failure = await failureOf(() => engine.adapter.complete({ ...ask('Hi'), model: 'missing.gguf' }, engineCall()));
    expect(failure.kind).toBe('model_not_found');
    expect(failure.message).toMatch(/does not exist/);
  }, 60_000);

  test('a file that is not a model is refused with a message, and the engine keeps working', async () => {
    const junk = writeJunkModel(engine.modelDir);
    const failure = await failureOf(() => engine.adapter.complete({ ...ask('Hi'), model: junk }, engineCall()));
    expect(failure.kind).toBe('bad_request');
    expect(failure.message).toMatch(/could not load/);
    const next = await engine.adapter.complete(ask('Hi again', 8), engineCall());
    expect(next.usage?.outputTokens).toBeGreaterThan(0);
  }, 60_000);

  test('an engine process that dies mid-answer fails that answer with the engine’s words; the next starts a new one', async () => {
    const failure = await failureOf(async () => {
      for await (const event of engine.adapter.stream(ask('Go on', 2000), engineCall())) {
        if (event.type === 'text') engine.channels.at(-1)?.kill();
      }
    });
    expect(failure.kind).toBe('server');
    expect(failure.message).toMatch(/built-in engine stopped/);
    const before = engine.channels.length;
    const next = await engine.adapter.complete(ask('Back?', 8), engineCall());
    expect(next.usage?.outputTokens).toBeGreaterThan(0);
    expect(engine.channels.length).toBe(before + 1);
  }, 60_000);
});

describe('built-in engine resources', () => {
  test('loads on first use, reports memory and speed, and unloads after the idle time', async () => {
    const engine = startEngine({ idleUnloadMs: 300 });
    try {
      expect(await engine.host.status()).toEqual({ loaded: false });
      expect(engine.channels).toHaveLength(0);
      await engine.adapter.complete(ask('Hi', 8), engineCall());
      const status = await engine.host.status();
      expect(status.loaded).toBe(true);
      expect(status.memoryBytes).toBeGreaterThan(400_000);
      expect(status.contextSize).toBeGreaterThanOrEqual(512);
      expect(status.tokensPerSec).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(await engine.host.status()).toEqual({ loaded: false });
    } finally {
      engine.host.close();
    }
  }, 60_000);
});
