import { useConversations, useChat, useUi } from '../../services-context.js';
import type { ConversationSummary } from '../../../../shared/chat.js';
import { ErrorText } from './ErrorText.js';

export function Sidebar() {
  const list = useConversations((s) => s.list);
  const error = useConversations((s) => s.error);
  const remove = useConversations((s) => s.remove);
  const current = useChat((s) => s.current);
  const open = useChat((s) => s.open);
  const newChat = useChat((s) => s.newChat);
  const go = useUi((s) => s.go);
  const askToDelete = (c: ConversationSummary): void => {
    if (!window.confirm(`Delete “${c.title}”?`)) return;
    if (c.id === current) newChat();
    void remove(c.id);
  };

  return (
    <aside className="sidebar">
      <div className="brand">Switchboard</div>
      <button
        type="button"
        className="primary wide"
        data-testid="new-chat"
        onClick={() => {
          newChat();
          go('chat');
        }}
      >
        New chat
      </button>
      <nav aria-label="Conversations" className="conversations">
        {list.length === 0 && <p className="muted small">No conversations yet.</p>}
        <ul>
          {list.map((c) => (
            <li key={c.id} className={c.id === current ? 'conversation active' : 'conversation'}>
              <button
                type="button"
                className="conversation-open"
                data-testid="conversation"
                data-conversation={c.id}
                onClick={() => {
                  void open(c.id);
                  go('chat');
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Delete') askToDelete(c);
                }}
                aria-keyshortcuts="Delete"
                title={c.title}
              >
                {c.title || 'Untitled'}
              </button>
              <button
                type="button"
                className="link conversation-delete"
                data-testid="conversation-delete"
                aria-label={`Delete ${c.title}`}
                onClick={() => askToDelete(c)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <ErrorText message={error} className="error small" />
    </aside>
  );
}
