import { useEffect, useRef } from 'react';
import { useChat } from '../../services-context.js';
import { MessageRow } from './MessageRow.js';

const NO_IDS: string[] = [];

export function MessageList({ conversationId }: { conversationId: string }) {
  const ids = useChat((s) => s.order[conversationId] ?? NO_IDS);
  const items = useChat((s) => s.items);
  const end = useRef<HTMLDivElement>(null);
  const lastText = ids.length > 0 ? items[ids[ids.length - 1] ?? '']?.message.text.length : 0;

  // Follow the answer as it streams, unless the user scrolled up to read.
  useEffect(() => {
    const node = end.current;
    const scroller = node?.closest('.chat-scroll');
    if (!node || !scroller) return;
    const nearBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 160;
    if (nearBottom) node.scrollIntoView({ block: 'end' });
  }, [ids.length, lastText]);

  return (
    <ol className="messages" aria-label="Messages">
      {ids.map((id) => {
        const item = items[id];
        return item ? <MessageRow key={id} item={item} /> : null;
      })}
      <div ref={end} />
    </ol>
  );
}
