import { describe, expect, test } from 'vitest';
import { normalizeOllamaUrl } from '../../../electron/main/core/providers/ollama/ollama-url.js';
import { CONTINUE_IN_WORDS, withContinuation } from '../../../electron/main/core/providers/adapters/continuation.js';
import { progressTracker } from '../../../electron/main/core/providers/ollama/ollama-models.js';

describe('normalizeOllamaUrl: what users paste', () => {
  test.each([
    ['http://localhost:11434', 'http://127.0.0.1:11434'],
    ['http://127.0.0.1:11434', 'http://127.0.0.1:11434'],
    ['http://localhost:11434/', 'http://127.0.0.1:11434'],
    ['http://localhost:11434/v1', 'http://127.0.0.1:11434'],
    ['http://localhost:11434/v1/', 'http://127.0.0.1:11434'],
    ['http://127.0.0.1:11434/api', 'http://127.0.0.1:11434'],
    ['127.0.0.1:11434', 'http://127.0.0.1:11434'],
    ['  ', 'http://127.0.0.1:11434'],
    ['https://gpu-box.lan:8443/ollama/v1', 'https://gpu-box.lan:8443/ollama'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeOllamaUrl(input)).toBe(expected);
  });
});

describe('continuation', () => {
  test('the partial text becomes a trailing assistant turn', () => {
    const { messages } = withContinuation([{ role: 'user', content: 'hi' }], 'Echo: h', 'native');
    expect(messages.at(-1)).toEqual({ role: 'assistant', content: 'Echo: h' });
  });
  test('a host without prefill sees its cut answer, then is asked in words to carry on', () => {
    const { messages, prefill } = withContinuation([{ role: 'user', content: 'hi' }], 'Echo: h', 'none');
    expect(prefill).toBe(false);
    expect(messages.slice(1)).toEqual([
      { role: 'assistant', content: 'Echo: h' },
      { role: 'user', content: CONTINUE_IN_WORDS },
    ]);
  });
  test('a stripped trailing space is not shown twice', () => {
    const { messages, fresh } = withContinuation([{ role: 'user', content: 'hi' }], 'Echo: ', 'native', true);
    expect(messages.at(-1)?.content).toBe('Echo:');
    expect(fresh(' h') + fresh('i')).toBe('hi');
  });
  test('no continuation, no change', () => {
    const turns = [{ role: 'user' as const, content: 'hi' }];
    expect(withContinuation(turns, undefined, 'none').messages).toBe(turns);
  });
});

describe('pull progress', () => {
  test('sums layers by digest and reaches 100 on success', () => {
    const track = progressTracker();
    expect(track({ status: 'pulling manifest' }).percent).toBeUndefined();
    track({ status: 'pulling a', digest: 'sha256:a', total: 300, completed: 150 });
    const two = track({ status: 'pulling b', digest: 'sha256:b', total: 100, completed: 50 });
    expect(two).toEqual({ status: 'pulling b', completedBytes: 200, totalBytes: 400, percent: 50 });
    expect(track({ status: 'success' }).percent).toBe(100);
  });
});
