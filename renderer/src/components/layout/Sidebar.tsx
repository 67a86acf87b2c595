import { useConversations, useChat, useUi } from '../../services-context.js';
import { useMemo } from 'react';
import { groupConversations } from '../../lib/date-groups.js';
import { useNow } from '../../lib/use-now.js';
import { ErrorText } from './ErrorText.js';
import { ConversationItem } from './ConversationItem.js';
import { SearchHits } from './SearchHits.js';
import { focusComposer } from '../../lib/focus-composer.js';
import { shortcutLabel } from '../../lib/shortcuts.js';
import { IS_MAC } from './use-shortcuts.js';

export function Sidebar() {
  const list = useConversations((s) => s.list);
  const error = useConversations((s) => s.error);
  const query = useConversations((s) => s.query);
  const search = useConversations((s) => s.search);
  const newChat = useChat((s) => s.newChat);
  const go = useUi((s) => s.go);
  // Regrouped when the minute turns, so a chat moves to "Yesterday" at midnight without a reload.
  const minute = Math.floor(useNow() / 60_000);
  const groups = useMemo(() => groupConversations(list, minute * 60_000), [list, minute]);

  return (
    <aside className="sidebar">
      <div className="brand">Switchboard</div>
      <button
        type="button"
        className="primary wide"
        data-testid="new-chat"
        title={`New chat (${shortcutLabel('new-chat', IS_MAC)})`}
        onClick={() => {
          newChat();
          go('chat');
          focusComposer();
        }}
      >
        New chat
      </button>
      <input
        type="search"
        id="sidebar-search"
        className="sidebar-search"
        data-testid="search"
        aria-label="Search all messages"
        placeholder={`Search messages (${shortcutLabel('search', IS_MAC)})`}
        value={query}
        onChange={(e) => void search(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') void search('');
        }}
      />
      <SearchHits />
      {query.trim() === '' && (
        <nav aria-label="Conversations" className="conversations">
          {list.length === 0 && <p className="muted small">No conversations yet.</p>}
          {groups.map((g) => (
            <section key={g.name} aria-label={g.name}>
              <h2 className="conversation-group">{g.name}</h2>
              <ul>
                {g.items.map((c) => (
                  <ConversationItem key={c.id} c={c} />
                ))}
              </ul>
            </section>
          ))}
        </nav>
      )}
      <ErrorText message={error} className="error small" />
    </aside>
  );
}
