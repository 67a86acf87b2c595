/**
 * A rough token count without a tokenizer: about four characters per token for
 * alphabetic scripts, about one per character for CJK, Hangul and Thai. Good
 * enough to pick a context window and to spend a rate-limit budget ahead of time.
 */
import type { ChatTurn } from '../providers/types.js';

const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;

const NON_ASCII = /[\u0080-\uffff]/;

/** Tokens before rounding, so the pieces of a streamed text add up to the whole. */
export function textTokenWeight(text: string): number {
  const dense = NON_ASCII.test(text) ? (text.match(DENSE)?.length ?? 0) : 0;
  return dense + (text.length - dense) / 4;
}

export function estimateTextTokens(text: string): number {
  return Math.ceil(textTokenWeight(text));
}

/** Per-message overhead covers role markers that every chat format adds. */
export function estimatePromptTokens(messages: readonly ChatTurn[]): number {
  let sum = 0;
  for (const m of messages) sum += estimateTextTokens(m.content) + 4;
  return sum;
}
