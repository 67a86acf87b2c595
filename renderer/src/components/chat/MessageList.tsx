import { useCallback, useRef, useState, type ComponentProps } from 'react';
import { Virtuoso, type StateSnapshot, type VirtuosoHandle } from 'react-virtuoso';
import { useChat } from '../../services-context.js';
import { MessageRow } from './MessageRow.js';

const NO_IDS: string[] = [];

/** Where each conversation was left this session: its list state, or "at the latest message". */
const positions = new Map<string, StateSnapshot | 'latest'>();

/** One row subscribes to its own item, so a streamed frame re-renders that row alone. */
function Row({ id, lastQuestion }: { id: string; lastQuestion: boolean }) {
  const item = useChat((s) => s.items[id]);
  return item ? <MessageRow item={item} lastQuestion={lastQuestion} /> : null;
}

function lastQuestionOf(ids: string[], role: (id: string) => string | undefined): string | undefined {
  for (let i = ids.length - 1; i >= 0; i--) {
    const id = ids[i] as string;
    if (role(id) === 'user') return id;
  }
  return undefined;
}

/**
 * The conversation as a virtualised list: only rows near the viewport exist. It
 * opens at the latest message (or where the user left it), follows a streaming
 * answer while the user is at the bottom, and offers "Jump to latest" once they
 * scroll up to read.
 */
export function MessageList({ conversationId }: { conversationId: string }) {
  const ids = useChat((s) => s.order[conversationId] ?? NO_IDS);
  // Mounted once the messages are in, so the list starts where it should rather than scrolling there.
  if (ids.length === 0) return <div className="message-list" />;
  return <LoadedList conversationId={conversationId} ids={ids} />;
}

function LoadedList({ conversationId, ids }: { conversationId: string; ids: string[] }) {
  const lastQuestion = useChat((s) => lastQuestionOf(ids, (id) => s.items[id]?.message.role));
  const list = useRef<VirtuosoHandle>(null);
  const [atBottom, setAtBottom] = useState(true);
  const [saved] = useState(() => positions.get(conversationId));
  // Positioning at the last item hides the list until it has measured its way there; a
  // conversation that has just begun needs none, and its first token must show at once.
  const [start] = useState(() => (saved && saved !== 'latest' ? { restoreStateFrom: saved } : ids.length > 2 ? { initialTopMostItemIndex: { index: 'LAST' as const, align: 'end' as const } } : {}));

  const remember = useCallback(() => {
    list.current?.getState((state) => {
      if (positions.get(conversationId) !== 'latest') positions.set(conversationId, state);
    });
  }, [conversationId]);

  return (
    <div className="message-list">
      <Virtuoso
        ref={list}
        className="messages-scroller"
        data={ids}
        computeItemKey={(_i, id) => id}
        itemContent={(_i, id) => <Row id={id} lastQuestion={id === lastQuestion} />}
        components={{ List: MessageOl }}
        {...start}
        followOutput={(bottom) => (bottom ? 'auto' : false)}
        atBottomThreshold={48}
        atBottomStateChange={(bottom) => {
          setAtBottom(bottom);
          if (bottom) positions.set(conversationId, 'latest');
          else {
            positions.delete(conversationId);
            remember();
          }
        }}
        isScrolling={(scrolling) => {
          if (!scrolling) remember();
        }}
        increaseViewportBy={{ top: 800, bottom: 400 }}
      />
      {!atBottom && (
        <button type="button" className="jump-latest" data-testid="jump-latest" onClick={() => list.current?.scrollToIndex({ index: 'LAST', align: 'end' })}>
          Jump to latest ↓
        </button>
      )}
    </div>
  );
}

function MessageOl(props: ComponentProps<'div'>) {
  return <div {...props} className="messages" role="list" aria-label="Messages" />;
}
