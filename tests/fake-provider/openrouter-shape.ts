/**
 * What OpenRouter adds to the OpenAI wire format (openrouter.ai/docs: streaming,
 * usage accounting): `gen-…` ids, the upstream `provider` and
 * `native_finish_reason` on every chunk, `: OPENROUTER PROCESSING` keep-alive
 * comments, and usage with its own `cost` (credits, i.e. USD) in the last SSE
 * message of every answer, asked for or not.
 */
import type { Answer } from './chat-flow.js';
import { randomBase62 } from './http-io.js';
import type { FakeOptions } from './types.js';

export const OPENROUTER_KEEPALIVE = ': OPENROUTER PROCESSING\n\n';
export const OPENROUTER_UPSTREAM = 'OpenAI';

/** USD per token the fake charges, unless the test sets its own. */
const DEFAULT_PRICE = { prompt: 0.000_001, completion: 0.000_004 };

export function openrouterId(): string {
  return `gen-${Math.floor(Date.now() / 1000)}-${randomBase62(20)}`;
}

/** The cost OpenRouter would report for this answer. */
export function openrouterCost(answer: Pick<Answer, 'inputTokens' | 'outputTokens'>, price: FakeOptions['openrouterPrice']): number {
  const p = price ?? DEFAULT_PRICE;
  return answer.inputTokens * p.prompt + answer.outputTokens * p.completion;
}

export function openrouterUsage(answer: Pick<Answer, 'inputTokens' | 'outputTokens'>, price: FakeOptions['openrouterPrice']): Record<string, unknown> {
  const p = price ?? DEFAULT_PRICE;
  const cost = openrouterCost(answer, price);
  return {
    prompt_tokens: answer.inputTokens,
    completion_tokens: answer.outputTokens,
    total_tokens: answer.inputTokens + answer.outputTokens,
    cost,
    is_byok: false,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    cost_details: {
      upstream_inference_cost: null,
      upstream_inference_prompt_cost: answer.inputTokens * p.prompt,
      upstream_inference_completions_cost: answer.outputTokens * p.completion,
    },
    completion_tokens_details: { reasoning_tokens: 0, image_tokens: 0 },
  };
}
