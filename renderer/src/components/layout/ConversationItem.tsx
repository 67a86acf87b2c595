/** One conversation in the sidebar: open, rename in place (F2 or the button), pin, delete (with undo); all by keyboard. */
import { useState, type KeyboardEvent } from 'react';
import type { ConversationSummary } from '../../../../shared/chat.js';
import { useChat, useConversations, useUi } from '../../services-context.js';

export function ConversationItem({ c }: { c: ConversationSummary }) {
  const current = useChat((s) => s.current);
  const open = useChat((s) => s.open);
  const newChat = useChat((s) => s.newChat);
  const go = useUi((s) => s.go);
  const update = useConversations((s) => s.update);
  const remove = useConversations((s) => s.remove);
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(c.title);

  const startRename = () => {
    setDraft(c.title);
    setRenaming(true);
  };
  const finishRename = (save: boolean) => {
    setRenaming(false);
    const title = draft.trim();
    if (save && title !== '' && title !== c.title) void update(c.id, { title });
  };
  // No question first: the toast's Undo takes it back.
  const deleteWithUndo = (): void => {
    remove(c.id, c.id === current);
    if (c.id === current) newChat();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'F2') {
      e.preventDefault();
      startRename();
    }
    if (e.key === 'Delete') deleteWithUndo();
  };

  return (
    <li className={c.id === current ? 'conversation active' : 'conversation'} data-pinned={c.pinnedAt !== undefined}>
      {renaming ? (
        <input
          className="conversation-rename"
          aria-label="New title"
          data-testid="rename-input"
          value={draft}
          maxLength={80}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => finishRename(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') finishRename(true);
            if (e.key === 'Escape') finishRename(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="conversation-open"
          data-testid="conversation"
          data-conversation={c.id}
          onClick={() => {
            void open(c.id);
            go('chat');
          }}
          onKeyDown={onKey}
          aria-keyshortcuts="F2 Delete"
          title={`${c.title} (F2 to rename, Delete to delete)`}
        >
          {c.title || 'Untitled'}
        </button>
      )}
      <span className="conversation-actions">
        <button type="button" className="link" aria-label={`Rename ${c.title}`} data-testid="rename" onClick={startRename}>
          ✎
        </button>
        <button
          type="button"
          className="link"
          aria-label={c.pinnedAt !== undefined ? `Unpin ${c.title}` : `Pin ${c.title}`}
          aria-pressed={c.pinnedAt !== undefined}
          data-testid="pin"
          onClick={() => void update(c.id, { pinned: c.pinnedAt === undefined })}
        >
          {c.pinnedAt !== undefined ? '★' : '☆'}
        </button>
        <button
          type="button"
          className="link conversation-delete"
          data-testid="conversation-delete"
          aria-label={`Delete ${c.title}`}
          onClick={deleteWithUndo}
        >
          ×
        </button>
      </span>
    </li>
  );
}
