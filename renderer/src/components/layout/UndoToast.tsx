/**
 * "Deleted …  Undo" while a conversation's delete can still be taken back. The
 * row that had focus is gone, so focus moves to Undo: a keyboard user can take
 * the delete back with Enter. After Undo it is back on the row; when the toast
 * ends with focus in it, it goes to the composer rather than the page.
 */
import { useEffect, useRef } from 'react';
import { focusComposer } from '../../lib/focus-composer.js';
import { focusWhenMounted } from '../../lib/focus-when-mounted.js';
import { useChat, useConversations } from '../../services-context.js';

const focusConversation = (id: string): void => focusWhenMounted(() => document.querySelector(`.conversation-open[data-conversation="${CSS.escape(id)}"]`));

export function UndoToast() {
  const pending = useConversations((s) => s.pendingDelete);
  const undo = useConversations((s) => s.undoDelete);
  const commit = useConversations((s) => s.commitDelete);
  const open = useChat((s) => s.open);
  const current = useChat((s) => s.current);

  const undoButton = useRef<HTMLButtonElement>(null);
  const pendingId = pending?.id;
  useEffect(() => {
    if (!pendingId) return;
    undoButton.current?.focus();
    // The toast gone with focus in it leaves focus on the page; another delete's Undo, or the row Undo brought back, has it by the next frame.
    return () =>
      void requestAnimationFrame(() => {
        if (document.activeElement === document.body) focusComposer();
      });
  }, [pendingId]);

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
        ref={undoButton}
        onClick={() => {
          const back = undo();
          if (back) focusConversation(back.id);
          // Brought back where it was: open again if it was open and nothing else was opened meanwhile.
          if (back?.wasOpen && current === undefined) void open(back.id);
        }}
      >
        Undo
      </button>
    </div>
  );
}
