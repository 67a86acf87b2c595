/** Turns stored messages into the turns a provider sees. */
import type { Message } from '../../../../shared/chat.js';
import type { ChatTurn } from '../providers/types.js';

/**
 * Every earlier answer is in the history, stopped and partial ones included, with
 * a note saying so: a model that is not told would take a cut-off answer as whole.
 */
export function historyToTurns(messages: readonly Pick<Message, 'role' | 'text' | 'status' | 'finish'>[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const m of messages) {
    // A failed answer with no text says nothing to the next model; partial text does.
    if (m.role === 'assistant' && m.text.trim() === '') continue;
    if (m.role === 'assistant' && m.status === 'streaming') continue;
    const mark = m.role === 'assistant' ? partialMark(m) : undefined;
    turns.push({ role: m.role, content: mark ? `${m.text}\n\n${mark}` : m.text });
  }
  return turns;
}

// The title made from a prompt lives with the generated one.
export { titleFromPrompt as titleFrom } from './titles.js';

function partialMark(m: Pick<Message, 'status' | 'finish'>): string | undefined {
  if (m.status === 'cancelled') return '[This answer was stopped by the user before it was finished.]';
  if (m.status === 'error') return '[This answer was cut off before it was finished.]';
  if (m.finish === 'length') return '[This answer reached the output limit and was cut off there.]';
  return undefined;
}
