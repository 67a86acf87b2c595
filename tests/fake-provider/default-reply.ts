import type { RecordedChat } from './types.js';

/**
 * The default answer is `Echo: <last user text>`.
 *
 * When the last message is from the assistant (a prefill: the router resuming an
 * answer that broke mid-stream), the reply is only the part of that echo that the
 * prefill does not already cover, so a test can check that no text is repeated.
 * A prefill that is not a prefix of the echo gets the whole echo.
 */
export function defaultReply(chat: RecordedChat): string {
  const lastMessage = chat.messages[chat.messages.length - 1];
  if (lastMessage?.role === 'tool') return `Tool said: ${lastMessage.content}`;
  const lastUser = [...chat.messages].reverse().find((message) => message.role === 'user');
  const full = `Echo: ${lastUser?.content ?? ''}`;
  const last = chat.messages[chat.messages.length - 1];
  if (last?.role !== 'assistant') return full;
  return full.startsWith(last.content) ? full.slice(last.content.length) : full;
}
