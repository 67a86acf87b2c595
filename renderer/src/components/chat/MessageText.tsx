import { Markdown } from '../../markdown/Markdown.js';

/** An answer is markdown; what the user typed is shown as typed, whitespace kept. */
export function MessageText({ text, role, streaming }: { text: string; role: 'user' | 'assistant'; streaming: boolean }) {
  if (role === 'assistant') return <Markdown text={text} streaming={streaming} />;
  return (
    <div className="message-text plain" data-testid="message-text">
      {text}
    </div>
  );
}
