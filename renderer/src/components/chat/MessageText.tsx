import type { Message } from '../../../../shared/chat.js';
import { Markdown } from '../../markdown/Markdown.js';

/** An answer is markdown; what the user typed is shown as typed, whitespace kept. */
export function MessageText({ message }: { message: Message }) {
  if (message.role === 'assistant') return <Markdown text={message.text} streaming={message.status === 'streaming'} seams={message.seams} />;
  return (
    <div className="message-text plain" data-testid="message-text">
      {message.text}
    </div>
  );
}
