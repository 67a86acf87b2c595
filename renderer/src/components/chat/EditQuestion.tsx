import { useState, type KeyboardEvent } from 'react';
import type { Message } from '../../../../shared/chat.js';
import { useChat } from '../../services-context.js';

/** The last question, editable in place; Resend answers it again in place of the old answer. */
export function EditQuestion({ message, onDone }: { message: Message; onDone: () => void }) {
  const [text, setText] = useState(message.text);
  const edit = useChat((s) => s.edit);
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
