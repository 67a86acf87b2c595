import { useState, type KeyboardEvent } from 'react';
import type { Message } from '../../../../shared/chat.js';
import { useChat } from '../../services-context.js';

/**
 * A question, editable in place; Resend answers it again in place of its old answer.
 * An earlier question starts the chat over from there, so the editor says first
 * how many later messages that removes.
 */
export function EditQuestion({ message, onDone }: { message: Message; onDone: () => void }) {
  const [text, setText] = useState(message.text);
  const edit = useChat((s) => s.edit);
  const later = useChat((s) => laterThanAnswer(s.order[message.conversationId] ?? [], message.id, (id) => s.items[id]?.message));
  async function resend(): Promise<void> {
    if (text.trim() === '') return;
    if (await edit({ conversationId: message.conversationId, messageId: message.id, text })) onDone();
  }
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): void {
    if (e.key === 'Escape') onDone();
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void resend();
    }
  }
  return (
    <div className="edit-question">
      <textarea aria-label="Edit your message" data-testid="edit-input" value={text} rows={3} onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} autoFocus />
      {later > 0 && (
        <p className="muted small" data-testid="edit-removes">
          Resending removes the {later === 1 ? 'message' : `${later} messages`} after this question’s answer.
        </p>
      )}
      <div className="edit-bar">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" className="primary" data-testid="resend" disabled={text.trim() === ''} onClick={() => void resend()}>
          Resend
        </button>
      </div>
    </div>
  );
}

/** Messages after the question and its own answer (the one main answers again in place). */
function laterThanAnswer(ids: readonly string[], questionId: string, messageOf: (id: string) => Message | undefined): number {
  const at = ids.indexOf(questionId);
  if (at === -1) return 0;
  const next = messageOf(ids[at + 1] ?? '');
  const ownAnswer = next?.role === 'assistant' && !next.setAside ? 1 : 0;
  return Math.max(0, ids.length - at - 1 - ownAnswer);
}
