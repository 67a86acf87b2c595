import { useState } from 'react';
import type { Message } from '../../../../shared/chat.js';
import { copyText } from '../../lib/copy-text.js';
import { markdownToPlainText } from '../../markdown/plain-text.js';
import { useChat } from '../../services-context.js';
import { RouteOverride, type Override } from './RouteOverride.js';

function CopyButton({ label, text, testId }: { label: string; text: () => string; testId: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="link"
      data-testid={testId}
      onClick={() =>
        void copyText(text()).then((ok) => {
          setDone(ok);
          if (ok) setTimeout(() => setDone(false), 1500);
        })
      }
    >
      {done ? 'Copied' : label}
    </button>
  );
}

/** Delete asks once, in place: the message is gone for good (its calls stay in usage). */
function DeleteButton({ message }: { message: Message }) {
  const deleteMessage = useChat((s) => s.deleteMessage);
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="link" data-testid="delete-message" onClick={() => setAsking(true)}>
        Delete
      </button>
    );
  }
  return (
    <span className="delete-confirm" role="group" aria-label="Delete this message?">
      Delete this message?
      <button type="button" className="link danger" data-testid="delete-message-confirm" autoFocus onClick={() => void deleteMessage(message.conversationId, message.id)}>
        Delete
      </button>
      <button type="button" className="link" onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
}

/** Copy, regenerate or retry (on its route or another provider), edit for the last question, and delete. */
export function MessageActions({ message, canEdit, onEdit }: { message: Message; canEdit: boolean; onEdit: () => void }) {
  const regenerate = useChat((s) => s.regenerate);
  const send = useChat((s) => s.send);
  const [picking, setPicking] = useState(false);
  const [choice, setChoice] = useState<Override>({ provider: '', model: '' });
  if (message.status === 'streaming') return null;
  const isAnswer = message.role === 'assistant';
  const failed = message.status === 'error' || message.status === 'cancelled';
  const again = failed ? 'Retry' : 'Regenerate';
  const ref = { conversationId: message.conversationId, messageId: message.id };

  return (
    <div className="message-actions" data-testid="message-actions">
      <CopyButton label={isAnswer ? 'Copy markdown' : 'Copy'} text={() => message.text} testId="copy-markdown" />
      {isAnswer && <CopyButton label="Copy as text" text={() => markdownToPlainText(message.text)} testId="copy-plain" />}
      {canEdit && (
        <button type="button" className="link" data-testid="edit" onClick={onEdit}>
          Edit
        </button>
      )}
      {isAnswer && message.finish === 'length' && (
        <button
          type="button"
          className="link"
          data-testid="continue"
          onClick={() => void send({ conversationId: message.conversationId, text: 'Continue exactly where your last answer was cut off.', taskType: message.taskType ?? 'auto' })}
        >
          Continue
        </button>
      )}
      {isAnswer && (
        <>
          <button type="button" className="link" data-testid="regenerate" onClick={() => void regenerate(ref)}>
            {again}
          </button>
          <button type="button" className="link" data-testid="regenerate-other" aria-expanded={picking} onClick={() => setPicking(!picking)}>
            {again} on another provider…
          </button>
        </>
      )}
      {picking && (
        <span className="regenerate-picker">
          <RouteOverride id="again" value={choice} onChange={setChoice} />
          <button
            type="button"
            data-testid="regenerate-go"
            disabled={!choice.provider}
            onClick={() => {
              setPicking(false);
              void regenerate({ ...ref, provider: choice.provider, ...(choice.model ? { model: choice.model } : {}) });
            }}
          >
            {again}
          </button>
        </span>
      )}
      <DeleteButton message={message} />
    </div>
  );
}
