import type { FakeOptions } from './types.js';
import type { Headers } from './http-io.js';

/**
 * Realistic rate-limit headers. `remaining` counts down with each request so a
 * client that tracks budgets sees them move; resets are far enough away not to matter.
 */
export function rateLimitHeaders(options: FakeOptions, requestNumber: number, now: Date): Headers {
  const setting = options.rateLimitHeaders ?? true;
  if (setting === false) return {};
  if (setting !== true) return { ...setting };
  if (options.protocol === 'anthropic') return anthropicHeaders(requestNumber, now);
  if (options.protocol === 'ollama' || options.flavor === 'ollama-openai') return {};
  return options.flavor === 'groq' ? groqHeaders(requestNumber) : openaiHeaders(requestNumber);
}

function openaiHeaders(n: number): Headers {
  return {
    'x-ratelimit-limit-requests': '10000',
    'x-ratelimit-limit-tokens': '2000000',
    'x-ratelimit-remaining-requests': String(Math.max(0, 10000 - n)),
    'x-ratelimit-remaining-tokens': String(Math.max(0, 2000000 - n * 50)),
    'x-ratelimit-reset-requests': '6ms',
    'x-ratelimit-reset-tokens': '1ms',
  };
}

function groqHeaders(n: number): Headers {
  // Groq: requests are per day, tokens per minute.
  return {
    'x-ratelimit-limit-requests': '14400',
    'x-ratelimit-limit-tokens': '6000',
    'x-ratelimit-remaining-requests': String(Math.max(0, 14400 - n)),
    'x-ratelimit-remaining-tokens': String(Math.max(0, 6000 - n * 50)),
    'x-ratelimit-reset-requests': '2m59.56s',
    'x-ratelimit-reset-tokens': '7.66s',
  };
}

function anthropicHeaders(n: number, now: Date): Headers {
  const reset = new Date(now.getTime() + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const headers: Headers = {
    'anthropic-ratelimit-requests-limit': '1000',
    'anthropic-ratelimit-requests-remaining': String(Math.max(0, 1000 - n)),
    'anthropic-ratelimit-requests-reset': reset,
  };
  const budgets: [string, number][] = [['tokens', 96000], ['input-tokens', 80000], ['output-tokens', 16000]];
  for (const [name, limit] of budgets) {
    headers[`anthropic-ratelimit-${name}-limit`] = String(limit);
    headers[`anthropic-ratelimit-${name}-remaining`] = String(Math.max(0, limit - n * 50));
    headers[`anthropic-ratelimit-${name}-reset`] = reset;
  }
  return headers;
}
