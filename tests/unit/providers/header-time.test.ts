import { describe, expect, test } from 'vitest';
import { parseGoDuration, parseResetAt, retryAfterMsFrom } from '../../../electron/main/core/providers/errors/header-time.js';
import { readRateLimit } from '../../../electron/main/core/providers/errors/rate-limit-headers.js';

const NOW = Date.parse('2025-08-21T12:40:00Z');
const h = (entries: Record<string, string>) => new Headers(entries);

describe('Go durations (OpenAI, Groq reset headers)', () => {
  test.each([
    ['1s', 1000],
    ['6m0s', 360_000],
    ['12ms', 12],
    ['2m59.56s', 179_560],
    ['7.66s', 7660],
    ['1h2m', 3_720_000],
    ['0', 0],
  ])('%s → %i ms', (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 6);
  });

  test.each(['', 'soon', '5 s', '1x', 's'])('%j is not a duration', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});

describe('reset instants', () => {
  test('RFC 3339 (Anthropic) is taken as is', () => {
    expect(parseResetAt('2025-08-21T12:40:59Z', NOW)).toBe(NOW + 59_000);
  });
  test('a Go duration is counted from now', () => {
    expect(parseResetAt('2m59.56s', NOW)).toBe(NOW + 179_560);
  });
});

describe('retry delay', () => {
  test('retry-after-ms wins over retry-after', () => {
    expect(retryAfterMsFrom(h({ 'retry-after-ms': '1500.5', 'retry-after': '9' }), NOW)).toBe(1501);
  });
  test('retry-after in seconds', () => {
    expect(retryAfterMsFrom(h({ 'retry-after': '20' }), NOW)).toBe(20_000);
  });
  test('retry-after as an HTTP date', () => {
    expect(retryAfterMsFrom(h({ 'retry-after': 'Thu, 21 Aug 2025 12:40:30 GMT' }), NOW)).toBe(30_000);
  });
  test('otherwise the reset of the spent budget', () => {
    const headers = h({
      'x-ratelimit-remaining-requests': '10',
      'x-ratelimit-reset-requests': '2m59.56s',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '7.66s',
    });
    expect(retryAfterMsFrom(headers, NOW)).toBe(7660);
  });
  test('Anthropic RFC 3339 resets', () => {
    const headers = h({ 'anthropic-ratelimit-requests-remaining': '0', 'anthropic-ratelimit-requests-reset': '2025-08-21T12:41:00Z' });
    expect(retryAfterMsFrom(headers, NOW)).toBe(60_000);
  });
  test('resets are ignored when asked (a failure that is not a rate limit)', () => {
    expect(retryAfterMsFrom(h({ 'x-ratelimit-reset-tokens': '7.66s' }), NOW, { useResets: false })).toBeUndefined();
  });
  test('nothing to go on', () => {
    expect(retryAfterMsFrom(h({}), NOW)).toBeUndefined();
  });
});

describe('rate-limit snapshot', () => {
  test('OpenAI headers', () => {
    const snapshot = readRateLimit(
      h({
        'x-ratelimit-limit-requests': '60',
        'x-ratelimit-limit-tokens': '150000',
        'x-ratelimit-remaining-requests': '59',
        'x-ratelimit-remaining-tokens': '149984',
        'x-ratelimit-reset-requests': '1s',
        'x-ratelimit-reset-tokens': '6m0s',
      }),
      NOW,
    );
    expect(snapshot).toEqual({
      limitRequests: 60,
      limitTokens: 150_000,
      remainingRequests: 59,
      remainingTokens: 149_984,
      resetRequestsAt: NOW + 1000,
      resetTokensAt: NOW + 360_000,
    });
  });
  test('Anthropic headers', () => {
    const snapshot = readRateLimit(
      h({
        'anthropic-ratelimit-requests-limit': '1000',
        'anthropic-ratelimit-requests-remaining': '999',
        'anthropic-ratelimit-requests-reset': '2025-08-21T12:40:59Z',
        'anthropic-ratelimit-tokens-limit': '96000',
        'anthropic-ratelimit-tokens-remaining': '95000',
        'anthropic-ratelimit-tokens-reset': '2025-08-21T12:40:10Z',
      }),
      NOW,
    );
    expect(snapshot).toEqual({
      limitRequests: 1000,
      remainingRequests: 999,
      resetRequestsAt: NOW + 59_000,
      limitTokens: 96_000,
      remainingTokens: 95_000,
      resetTokensAt: NOW + 10_000,
    });
  });
  test('no headers, no snapshot', () => {
    expect(readRateLimit(h({ 'content-type': 'application/json' }), NOW)).toBeUndefined();
  });
});
