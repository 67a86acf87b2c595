import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { useChat } from '../../services-context.js';
import { MessageRow } from './MessageRow.js';

const NO_IDS: string[] = [];

/** Where each conversation was left this session: the index of the message at the top of the view, or "at the latest message". */
const positions = new Map<string, number | 'latest'>();

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
  const [atBottom, setAtBottomState] = useState(true);
  const atBottomRef = useRef(true);
  const scroller = useRef<HTMLElement | null>(null);
  const setAtBottom = (bottom: boolean): void => {
    atBottomRef.current = bottom;
    setAtBottomState(bottom);
  };
  const [saved] = useState(() => positions.get(conversationId));
  // Positioning at the last item hides the list until it has measured its way there; a
  // conversation that has just begun needs none, and its first token must show at once.
  // A kept place is scrolled to once mounted: positioned at mount, the list would stay hidden
  // until every row between there and the end had been measured.
  const [start] = useState(() => (saved === undefined || saved === 'latest') && ids.length > 2 ? { initialTopMostItemIndex: { index: 'LAST' as const, align: 'end' as const } } : {});
  useEffect(() => {
    if (typeof saved === 'number') list.current?.scrollToIndex({ index: saved, align: 'start' });
  }, [saved]);

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
        }}
        scrollerRef={(el) => {
          scroller.current = el instanceof HTMLElement ? el : null;
        }}
        rangeChanged={() => {
          if (!atBottomRef.current) {
            const top = topVisibleIndex(scroller.current);
            if (top !== undefined) positions.set(conversationId, top);
          }
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

/** The rendered range includes rows kept above the view; the place a reader left is the first row in it. */
function topVisibleIndex(scroller: HTMLElement | null): number | undefined {
  if (!scroller) return undefined;
  const top = scroller.getBoundingClientRect().top;
  for (const row of scroller.querySelectorAll<HTMLElement>('[data-index]')) {
    if (row.getBoundingClientRect().bottom > top + 1) return Number(row.dataset.index);
  }
  return undefined;
}

function MessageOl(props: ComponentProps<'div'>) {
  return <div {...props} className="messages" role="list" aria-label="Messages" />;
}
