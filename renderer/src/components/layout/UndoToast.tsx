/** "Deleted …  Undo" while a conversation's delete can still be taken back. */
import { useEffect } from 'react';
import { useChat, useConversations } from '../../services-context.js';

export function UndoToast() {
  const pending = useConversations((s) => s.pendingDelete);
  const undo = useConversations((s) => s.undoDelete);
  const commit = useConversations((s) => s.commitDelete);
  const open = useChat((s) => s.open);
  const current = useChat((s) => s.current);

  // Closing the window is the end of the undo time: the delete is sent then.
  useEffect(() => {
    if (!pending) return;
    const now = () => void commit();
    window.addEventListener('pagehide', now);
    return () => window.removeEventListener('pagehide', now);
  }, [pending, commit]);

  if (!pending) return null;
  return (
    <div className="toast" role="status" data-testid="undo-toast">
      <span>Deleted “{pending.title || 'Untitled'}”.</span>
      <button
        type="button"
        className="link"
        data-testid="undo-delete"
        onClick={() => {
          const back = undo();
          // Brought back where it was: open again if it was open and nothing else was opened meanwhile.
          if (back?.wasOpen && current === undefined) void open(back.id);
        }}
      >
        Undo
      </button>
    </div>
  );
}
