import { useState, type KeyboardEvent } from 'react';
import { streamingIdOf } from '../../store/chat-data.js';
import { useChat } from '../../services-context.js';
import { RouteOverride, type Override } from './RouteOverride.js';
import { TaskSelect } from './TaskSelect.js';
import { ErrorText } from '../layout/ErrorText.js';

/** The text box. What the user typed stays until the send succeeds. */
export function Composer() {
  const [text, setText] = useState('');
  const [taskType, setTaskType] = useState('auto');
  const [override, setOverride] = useState<Override>({ provider: '', model: '' });
  const send = useChat((s) => s.send);
  const cancel = useChat((s) => s.cancel);
  const sending = useChat((s) => s.sending);
  const sendError = useChat((s) => s.sendError);
  const streamingId = useChat((s) => streamingIdOf(s, s.current));

  async function submit(): Promise<void> {
    // While an answer streams the turn is the model's: Enter keeps the text and starts nothing.
    if (sending || streamingId || text.trim() === '') return;
    const ok = await send({
      text,
      taskType,
      provider: override.provider || undefined,
      model: override.provider && override.model ? override.model : undefined,
    });
    if (ok) setText('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  }

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorText message={sendError} />
      <label className="visually-hidden" htmlFor="composer-input">
        Message
      </label>
      <textarea
        id="composer-input"
        data-testid="composer-input"
        value={text}
        rows={3}
        placeholder={streamingId ? 'Type your next message; it sends once this answer ends or you stop it' : 'Message (Enter to send, Shift+Enter for a new line)'}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-bar">
        <TaskSelect value={taskType} onChange={setTaskType} />
        <RouteOverride value={override} onChange={setOverride} />
        <span className="spacer" />
        {streamingId ? (
          <button type="button" className="primary" data-testid="stop" onClick={() => void cancel(streamingId)}>
            Stop
          </button>
        ) : (
          <button type="submit" className="primary" data-testid="send" disabled={sending || text.trim() === ''}>
            {sending ? 'Sending…' : 'Send'}
          </button>
        )}
      </div>
    </form>
  );
}
