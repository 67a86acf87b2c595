import type { RecordedChat } from './types.js';

/**
 * The default answer is `Echo: <last user text>`.
 *
 * When the host continues a final assistant message (a prefill it honours, see
 * `RecordedChat.continues`), the reply is only the part of that echo the prefill
 * does not already cover, so a test can check that no text is repeated. A
 * prefill that is not a prefix of the echo gets the whole echo, and so does a
 * trailing assistant message the host does not continue: it answers anew.
 */
export function defaultReply(chat: RecordedChat): string {
  const lastMessage = chat.messages[chat.messages.length - 1];
  if (lastMessage?.role === 'tool') return `Tool said: ${lastMessage.content}`;
  const lastUser = [...chat.messages].reverse().find((message) => message.role === 'user');
  const full = `Echo: ${lastUser?.content ?? ''}`;
  const last = chat.messages[chat.messages.length - 1];
  if (!chat.continues || last?.role !== 'assistant') return full;
  return full.startsWith(last.content) ? full.slice(last.content.length) : full;
}
