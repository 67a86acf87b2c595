import { describe, expect, it } from 'vitest';
import { formatRate, tokensPerSecond } from '../../../renderer/src/lib/format.js';

describe('tokens per second on the badge', () => {
  it('counts the tokens after the first over the time after the first', () => {
    // 101 tokens: the first at 200 ms, the other 100 over the next 2 s.
    expect(tokensPerSecond({ usage: { outputTokens: 101 }, ttftMs: 200, latencyMs: 2200 })).toBe(50);
    expect(formatRate(50)).toBe('50 tok/s');
    expect(formatRate(4.26)).toBe('4.3 tok/s');
  });

  it('says nothing when it cannot be known', () => {
    expect(tokensPerSecond({ usage: { outputTokens: 1 }, ttftMs: 200, latencyMs: 300 })).toBeUndefined();
    expect(tokensPerSecond({ usage: { outputTokens: 50 }, ttftMs: 300, latencyMs: 300 })).toBeUndefined();
    expect(tokensPerSecond({ ttftMs: 200, latencyMs: 300 })).toBeUndefined();
  });
});
