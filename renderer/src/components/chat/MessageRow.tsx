import { memo, useState } from 'react';
import type { ChatItem } from '../../store/chat-data.js';
import { DecisionTrace } from './DecisionTrace.js';
import { EditQuestion } from './EditQuestion.js';
import { MessageActions } from './MessageActions.js';
import { MessageError } from './MessageError.js';
import { MessageMeta } from './MessageMeta.js';
import { MessageText } from './MessageText.js';
import { useProviderName } from '../../lib/provider-names.js';

/** Memoized on the item: a frame of streamed text re-renders only the streaming row. `marked`: a search hit just opened here. */
export const MessageRow = memo(function MessageRow({ item, marked = false }: { item: ChatItem; marked?: boolean }) {
  const { message } = item;
  const [editing, setEditing] = useState(false);
  const name = useProviderName();
  const isAssistant = message.role === 'assistant';
  return (
    <div role="listitem" className={`message ${message.role} status-${message.status}${marked ? ' jumped' : ''}`} data-testid="message" data-role={message.role} data-status={message.status} data-message={message.id}>
      <div className="message-author">{isAssistant ? 'Assistant' : 'You'}</div>
      {isAssistant && message.status === 'streaming' && message.text === '' ? (
        <p className="muted thinking" data-testid="message-text">
          {message.provider ? `Waiting for ${name(message.provider)}…` : 'Routing…'}
        </p>
      ) : editing ? (
        <EditQuestion message={message} onDone={() => setEditing(false)} />
      ) : (
        <MessageText message={message} />
      )}
      {(message.status === 'error' || message.status === 'interrupted') && <MessageError message={message} />}
      {isAssistant && <MessageMeta item={item} />}
      {isAssistant && (message.trace || message.attempts) && <DecisionTrace message={message} />}
      {!editing && <MessageActions message={message} canEdit={message.role === 'user'} onEdit={() => setEditing(true)} />}
    </div>
  );
});
