import { useEffect, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { MAX_PROMPT_CHARS } from '../../../../shared/chat.js';
import { streamingIdOf } from '../../store/chat-data.js';
import { useChat } from '../../services-context.js';
import { draftWriter, loadDraft } from '../../lib/drafts.js';
import { isLongPaste, messageText } from '../../lib/pasted-blocks.js';
import { PastedBlocks } from './PastedBlocks.js';
import { rememberPrompt } from '../../lib/prompt-history.js';
import { sendFields } from '../../lib/route-picks.js';
import { ErrorText } from '../layout/ErrorText.js';
import { RoutePickers } from './RoutePickers.js';
import { useAutoPreview } from './use-auto-preview.js';
import { usePromptRecall } from './use-prompt-recall.js';
import { useRoutePicks } from './use-route-picks.js';
import { useUsable } from './use-usable.js';

/**
 * The text box of one conversation (mounted anew for each). What the user typed
 * stays until the send succeeds, and is kept as the conversation's draft.
 */
export function Composer({ conversationId }: { conversationId: string | undefined }) {
  // Fixed for this composer's life: a send that creates the chat must not move the new chat's draft to it.
  const [initial] = useState(() => loadDraft(conversationId));
  const [text, setShown] = useState(initial.text);
  const [pasted, setPasted] = useState(initial.pasted);
  const [draft] = useState(() => draftWriter(conversationId));
  const full = pasted.length === 0 ? text : messageText(text, pasted);
  const picks = useRoutePicks();
  const preview = useAutoPreview(full, picks.value.taskType === 'auto', conversationId);
  const send = useChat((s) => s.send);
  const cancel = useChat((s) => s.cancel);
  const sending = useChat((s) => s.sending);
  const sendError = useChat((s) => s.sendError);
  const streamingId = useChat((s) => streamingIdOf(s, s.current));
  const { known, usable } = useUsable();
  const noProvider = known && !usable;
  const tooLong = full.length > MAX_PROMPT_CHARS;

  const setText = (next: string) => {
    setShown(next);
    draft.change({ text: next, pasted });
  };
  const setBlocks = (next: string[]) => {
    setPasted(next);
    draft.change({ text, pasted: next });
  };
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const clip = e.clipboardData.getData('text/plain');
    if (!isLongPaste(clip)) return;
    e.preventDefault();
    setBlocks([...pasted, clip]);
  };
  const recall = usePromptRecall(text, setText);

  useEffect(() => {
    const keep = () => draft.flush();
    window.addEventListener('pagehide', keep);
    return () => {
      window.removeEventListener('pagehide', keep);
      keep();
    };
  }, [draft]);

  async function submit(): Promise<void> {
    // While an answer streams the turn is the model's: Enter keeps the text and starts nothing.
    if (sending || streamingId || noProvider || tooLong || full.trim() === '') return;
    const sentText = full;
    const ok = await send({ text: sentText, ...sendFields(picks.value) });
    if (!ok) return;
    rememberPrompt(sentText);
    picks.sent();
    setShown('');
    setPasted([]);
    draft.change({ text: '', pasted: [] });
    // Sent is sent: the draft goes now, not after a pause (the chat may open anew before then).
    draft.flush();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>): void {
    if (recall.onKeyDown(e)) return;
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  }

  const placeholder = noProvider
    ? 'Set up a provider above to send messages'
    : streamingId
      ? 'Type your next message; it sends once this answer ends or you stop it'
      : 'Message (Enter to send, Shift+Enter for a new line, ↑ for earlier prompts)';

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorText message={sendError} />
      {tooLong && (
        <p className="error" role="status" data-testid="too-long">
          This message is {full.length.toLocaleString('en')} characters; a message can be at most {MAX_PROMPT_CHARS.toLocaleString('en')}. Shorten it to send it.
        </p>
      )}
      <PastedBlocks blocks={pasted} onRemove={(i) => setBlocks(pasted.filter((_, j) => j !== i))} />
      <label className="visually-hidden" htmlFor="composer-input">
        Message
      </label>
      <textarea
        id="composer-input"
        data-testid="composer-input"
        value={text}
        rows={3}
        placeholder={placeholder}
        onChange={(e) => {
          recall.typed();
          setText(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      />
      <div className="composer-bar">
        <RoutePickers picks={picks} preview={preview} />
        <span className="spacer" />
        {streamingId ? (
          <button type="button" className="primary" data-testid="stop" onClick={() => void cancel(streamingId)}>
            Stop
          </button>
        ) : (
          <button
            type="submit"
            className="primary"
            data-testid="send"
            disabled={sending || noProvider || tooLong || full.trim() === ''}
            title={noProvider ? 'Nothing can answer yet: set up a provider first' : undefined}
          >
            {sending ? 'Sending…' : 'Send'}
          </button>
        )}
      </div>
    </form>
  );
}
