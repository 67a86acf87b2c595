import { useLayoutEffect, useRef, useState, type ComponentProps } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { useChat } from '../../services-context.js';
import { MessageRow } from './MessageRow.js';
import { FIRST_INDEX } from '../../store/chat-data.js';

const NO_IDS: string[] = [];

/** Where a list starts: at a message, at the latest, or (a chat just begun) with its few rows drawn on mount. */
interface StartAt {
  initialTopMostItemIndex?: { index: number | 'LAST'; align: 'start' | 'end' };
  initialItemCount?: number;
}

/** Where each conversation was left this session: the message at the top of the view, or "at the latest message". */
const positions = new Map<string, string | 'latest'>();

/** One row subscribes to its own item, so a streamed frame re-renders that row alone. */
function Row({ id }: { id: string }) {
  const item = useChat((s) => s.items[id]);
  return item ? <MessageRow item={item} /> : null;
}

/**
 * The conversation as a virtualised list: only rows near the viewport exist. It
 * opens at the latest page of messages (or where the user left it), reads older
 * pages from main as the user scrolls up, follows a streaming answer while the
 * user is at the bottom, and offers "Jump to latest" once they scroll up to read.
 */
export function MessageList({ conversationId }: { conversationId: string }) {
  const ids = useChat((s) => s.order[conversationId] ?? NO_IDS);
  // Mounted once the messages are in, so the list starts where it should rather than scrolling there.
  if (ids.length === 0) return <div className="message-list" />;
  return <LoadedList conversationId={conversationId} ids={ids} />;
}

function LoadedList({ conversationId, ids }: { conversationId: string; ids: string[] }) {
  const firstIndex = useChat((s) => s.paging[conversationId]?.firstIndex ?? FIRST_INDEX);
  const loadOlder = useChat((s) => s.loadOlder);
  const list = useRef<VirtuosoHandle>(null);
  // Where the list starts: the message the user was reading, else the latest. A conversation
  // that has just begun needs no positioning, and its first token must show at once.
  const [start] = useState((): StartAt => {
    const saved = positions.get(conversationId);
    const at = saved === undefined || saved === 'latest' ? -1 : ids.indexOf(saved);
    if (at >= 0) return { initialTopMostItemIndex: { index: at, align: 'start' as const } };
    // A chat that has just begun renders its rows on mount rather than after the list has
    // measured itself a frame later, so the answer's row is there when its first token lands.
    return ids.length > 2 ? { initialTopMostItemIndex: { index: 'LAST' as const, align: 'end' as const } } : { initialItemCount: ids.length };
  });
  const placed = start.initialTopMostItemIndex?.align === 'start';
  const [atBottom, setAtBottomState] = useState(!placed);
  const atBottomRef = useRef(!placed);
  const scroller = useRef<HTMLElement | null>(null);
  const setAtBottom = (bottom: boolean): void => {
    atBottomRef.current = bottom;
    setAtBottomState(bottom);
  };
  // The place is read from the rows on screen as the list goes away (the DOM is still there):
  // read while scrolling, the rows can be a frame behind the scroll position.
  useLayoutEffect(
    () => () => {
      const top = atBottomRef.current ? 'latest' : topVisibleMessage(scroller.current);
      if (top) positions.set(conversationId, top);
    },
    [conversationId],
  );

  return (
    <div className="message-list">
      <Virtuoso
        ref={list}
        className="messages-scroller"
        data={ids}
        firstItemIndex={firstIndex}
        computeItemKey={(_i, id) => id}
        itemContent={(_i, id) => <Row id={id} />}
        components={{ List: MessageOl, Header: OlderHeader }}
        context={{ conversationId }}
        {...start}
        startReached={() => void loadOlder(conversationId)}
        followOutput={(bottom) => (bottom ? 'auto' : false)}
        atBottomThreshold={48}
        atBottomStateChange={setAtBottom}
        scrollerRef={(el) => {
          scroller.current = el instanceof HTMLElement ? el : null;
        }}
        increaseViewportBy={{ top: 800, bottom: 400 }}
        // A typical row's height, so the list skips its probe render (one item drawn and
        // measured before the rest): opening a long chat at its end was a frame or two later.
        defaultItemHeight={120}
      />
      {!atBottom && (
        <button type="button" className="jump-latest" data-testid="jump-latest" onClick={() => list.current?.scrollToIndex({ index: 'LAST', align: 'end' })}>
          Jump to latest ↓
        </button>
      )}
    </div>
  );
}

/** Above the first loaded message: room before it, and that older ones are coming, or why they could not be read. */
function OlderHeader({ context }: { context?: { conversationId: string } }) {
  const id = context?.conversationId ?? '';
  const loading = useChat((s) => s.loadingOlder[id] ?? false);
  const error = useChat((s) => s.olderError);
  const loadOlder = useChat((s) => s.loadOlder);
  return (
    <div className="older-header">
      {loading ? (
        <p className="muted small older-status" data-testid="older-loading">
          Loading earlier messages…
        </p>
      ) : (
        error && (
          <p className="error small older-status" role="alert">
            Earlier messages could not be read: {error}{' '}
            <button type="button" className="link" onClick={() => void loadOlder(id)}>
              Try again
            </button>
          </p>
        )
      )}
    </div>
  );
}

/** The first message whose row reaches into the view: what the reader was looking at. */
function topVisibleMessage(scroller: HTMLElement | null): string | undefined {
  if (!scroller) return undefined;
  const top = scroller.getBoundingClientRect().top;
  for (const row of scroller.querySelectorAll<HTMLElement>('[data-message]')) {
    if (row.getBoundingClientRect().bottom > top + 1) return row.dataset.message;
  }
  return undefined;
}

function MessageOl(props: ComponentProps<'div'>) {
  return <div {...props} className="messages" role="list" aria-label="Messages" />;
}
