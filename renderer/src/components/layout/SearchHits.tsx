/** Search results across every message, matches highlighted; opening one jumps to that message. */
import type { ReactNode } from 'react';
import type { SearchHit } from '../../../../shared/chat.js';
import { useChat, useConversations, useUi } from '../../services-context.js';

function Highlighted({ text, ranges }: { text: string; ranges: SearchHit['ranges'] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  [...ranges].sort((a, b) => a[0] - b[0]).forEach(([start, end], i) => {
    if (start < at) return;
    if (start > at) parts.push(<span key={`t${i}`}>{text.slice(at, start)}</span>);
    parts.push(<mark key={`m${i}`}>{text.slice(start, end)}</mark>);
    at = end;
  });
  if (at < text.length) parts.push(<span key="rest">{text.slice(at)}</span>);
  return <>{parts}</>;
}

export function SearchHits() {
  const query = useConversations((s) => s.query);
  const hits = useConversations((s) => s.hits);
  const error = useConversations((s) => s.searchError);
  const jumpTo = useChat((s) => s.jumpTo);
  const go = useUi((s) => s.go);
  if (query.trim() === '') return null;
  return (
    <div className="search-hits" aria-live="polite">
      {error && <p className="error small">{error}</p>}
      {!error && hits.length === 0 && <p className="muted small">No messages match “{query}”.</p>}
      <ul>
        {hits.map((h) => (
          <li key={h.messageId}>
            <button
              type="button"
              className="search-hit"
              data-testid="search-hit"
              data-message={h.messageId}
              onClick={() => {
                void jumpTo(h.conversationId, h.messageId);
                go('chat');
              }}
            >
              <span className="search-hit-title">{h.conversationTitle}</span>
              <span className="search-hit-snippet">
                <Highlighted text={h.snippet} ranges={h.ranges} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
