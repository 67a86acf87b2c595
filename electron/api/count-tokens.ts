/**
 * Anthropic's count_tokens, answered without calling a provider: Switchboard's
 * own estimate (about four characters a token, denser for CJK), the one the
 * router plans with. It is an estimate, and the answering model may count
 * differently; tools count by the size of their JSON.
 */
import { estimatePromptTokens, estimateTextTokens } from '../main/core/router/estimate-tokens.js';
import type { ApiChat } from './api-request.js';

export function countTokens(chat: ApiChat): number {
  const tools = chat.tools ? estimateTextTokens(JSON.stringify(chat.tools)) : 0;
  const calls = chat.messages.reduce((sum, m) => sum + (m.toolCalls ? estimateTextTokens(JSON.stringify(m.toolCalls)) : 0), 0);
  return estimatePromptTokens(chat.messages) + tools + calls;
}
