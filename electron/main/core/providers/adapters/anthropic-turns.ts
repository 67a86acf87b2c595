/**
 * Our turns in Anthropic's shape: system text goes top-level, and consecutive
 * turns of one role are merged because the API wants user/assistant alternating
 * and starting with a user turn.
 */
import type { ChatTurn } from '../types.js';

export interface AnthropicTurns {
  system?: string;
  messages: { role: 'user' | 'assistant'; content: string }[];
}

export function toAnthropicTurns(turns: ChatTurn[]): AnthropicTurns {
  const system = turns.filter((t) => t.role === 'system').map((t) => t.content);
  const messages: AnthropicTurns['messages'] = [];
  for (const turn of turns) {
    if (turn.role === 'system') continue;
    const last = messages[messages.length - 1];
    if (last && last.role === turn.role) last.content = `${last.content}\n\n${turn.content}`;
    else messages.push({ role: turn.role, content: turn.content });
  }
  if (messages[0]?.role === 'assistant') messages.unshift({ role: 'user', content: '(continue)' });
  return system.length > 0 ? { system: system.join('\n\n'), messages } : { messages };
}
