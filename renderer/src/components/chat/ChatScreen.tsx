import { useChat } from '../../services-context.js';
import { useUsable } from './use-usable.js';
import { Composer } from './Composer.js';
import { MessageList } from './MessageList.js';
import { SetupCard } from './SetupCard.js';
import { ErrorText } from '../layout/ErrorText.js';
import { ChatSetup } from './ChatSetup.js';

export function ChatScreen() {
  const current = useChat((s) => s.current);
  const loadError = useChat((s) => s.loadError);
  // Until both answers are in, say nothing rather than flash the setup card.
  const { known, usable } = useUsable();

  return (
    <section className="chat" aria-label="Chat">
      {current && !loadError ? (
        <>
          {known && !usable && <SetupCard />}
          {usable && <ChatSetup />}
          {/* The list is its own scroller (virtualised); keyed so each conversation opens where it was left. */}
          <MessageList key={current} conversationId={current} />
        </>
      ) : (
        <div className="chat-scroll">
          {known && !usable && <SetupCard />}
          {usable && <ChatSetup />}
          <ErrorText message={loadError} />
          {!current && usable && <p className="muted empty">Ask anything. Switchboard picks the provider for the task.</p>}
        </div>
      )}
      {/* One per conversation: its own draft, its own one-message picks. */}
      <Composer key={current ?? 'new'} conversationId={current} />
    </section>
  );
}
