/** Turns stored messages into the turns a provider sees. */
import type { Message } from '../../../../shared/chat.js';
import type { ChatTurn } from '../providers/types.js';

export function historyToTurns(messages: readonly Pick<Message, 'role' | 'text' | 'status'>[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const m of messages) {
    // A failed answer with no text says nothing to the next model; partial text does.
    if (m.role === 'assistant' && m.text.trim() === '') continue;
    if (m.role === 'assistant' && m.status === 'streaming') continue;
    turns.push({ role: m.role, content: m.text });
  }
  return turns;
}

// The title made from a prompt lives with the generated one.
export { titleFromPrompt as titleFrom } from './titles.js';
