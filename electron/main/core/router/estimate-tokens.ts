/**
 * A rough token count without a tokenizer: about four characters per token for
 * alphabetic scripts, about one per character for CJK, Hangul and Thai. Good
 * enough to pick a context window and to spend a rate-limit budget ahead of time.
 */
import type { ChatTurn } from '../providers/types.js';

const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;

export function estimateTextTokens(text: string): number {
  const dense = text.match(DENSE)?.length ?? 0;
  return Math.ceil(dense + (text.length - dense) / 4);
}

/** Per-message overhead covers role markers that every chat format adds. */
export function estimatePromptTokens(messages: readonly ChatTurn[]): number {
  return messages.reduce((sum, m) => sum + estimateTextTokens(m.content) + 4, 0);
}
