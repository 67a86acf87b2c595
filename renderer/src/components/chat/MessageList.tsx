import { useEffect, useLayoutEffect, useRef, useState, type ComponentProps } from 'react';
import { Virtuoso, type VirtuosoHandle } from 'react-virtuoso';
import { useChat } from '../../services-context.js';
import { MessageRow } from './MessageRow.js';
import { FIRST_INDEX } from '../../store/chat-data.js';

const NO_IDS: string[] = [];

/** Where a list starts: at a message, at the latest, or (a chat just begun) with its few rows drawn on mount. */
interface StartAt {
  initialTopMostItemIndex?: { index: number | 'LAST'; align: 'start' | 'center' | 'end' };
  initialItemCount?: number;
}

/**
 * Where each conversation was left this session: the message at the top of the view, or
 * "at the latest message", in which loaded window (a window since replaced starts over).
 */
const positions = new Map<string, { window: number; top: string | 'latest' }>();

/** One row subscribes to its own item, so a streamed frame re-renders that row alone. */
function Row({ id, marked }: { id: string; marked: boolean }) {
  const item = useChat((s) => s.items[id]);
  return item ? <MessageRow item={item} marked={marked} /> : null;
}

/**
 * The conversation as a virtualised list: only rows near the viewport exist. It
 * opens at the latest page of messages (or where the user left it), reads older
 * pages from main as the user scrolls up, follows a streaming answer while the
 * user is at the bottom, and offers "Jump to latest" once they scroll up to read.
 * Opened at a search hit far back, it holds the messages around the hit and reads
 * newer pages as the user scrolls down, too.
 */
export function MessageList({ conversationId }: { conversationId: string }) {
  const ids = useChat((s) => s.order[conversationId] ?? NO_IDS);
  const loadedWindow = useChat((s) => s.paging[conversationId]?.window ?? 0);
  // Mounted once the messages are in, so the list starts where it should rather than scrolling there;
  // keyed on the window, so messages loaded in place of the others start a list of their own.
  if (ids.length === 0) return <div className="message-list" />;
  return <LoadedList key={loadedWindow} conversationId={conversationId} ids={ids} loadedWindow={loadedWindow} />;
}

/** Where a list starts: the message asked for, else the one the user was reading, else the latest. */
function startAt(ids: string[], focus: string | undefined, saved: { window: number; top: string } | undefined, loadedWindow: number): StartAt {
  const target = focus === undefined ? -1 : ids.indexOf(focus);
  if (target >= 0) return { initialTopMostItemIndex: { index: target, align: 'center' } };
  const at = saved === undefined || saved.window !== loadedWindow ? -1 : ids.indexOf(saved.top);
  if (at >= 0) return { initialTopMostItemIndex: { index: at, align: 'start' } };
  // A chat that has just begun renders its rows on mount rather than after the list has
  // measured itself a frame later, so the answer's row is there when its first token lands.
  return ids.length > 2 ? { initialTopMostItemIndex: { index: 'LAST', align: 'end' } } : { initialItemCount: ids.length };
}

function LoadedList({ conversationId, ids, loadedWindow }: { conversationId: string; ids: string[]; loadedWindow: number }) {
  const firstIndex = useChat((s) => s.paging[conversationId]?.firstIndex ?? FIRST_INDEX);
  const hasNewer = useChat((s) => s.paging[conversationId]?.hasNewer ?? false);
  const loadOlder = useChat((s) => s.loadOlder);
  const loadNewer = useChat((s) => s.loadNewer);
  const showLatest = useChat((s) => s.showLatest);
  const focus = useChat((s) => s.focusMessage);
  const clearFocus = useChat((s) => s.clearFocus);
  const list = useRef<VirtuosoHandle>(null);
  const [start] = useState(() => startAt(ids, focus, positions.get(conversationId), loadedWindow));
  const placed = start.initialTopMostItemIndex?.align !== 'end' && start.initialItemCount === undefined;
  const [atBottom, setAtBottomState] = useState(!placed);
  const atBottomRef = useRef(!placed);
  const scroller = useRef<HTMLElement | null>(null);
  const setAtBottom = (bottom: boolean): void => {
    atBottomRef.current = bottom;
    setAtBottomState(bottom);
  };
  // The list follows new output only at the bottom of the latest messages. Read as it was before
  // this render: the last newer page arriving must not carry the view past it to the very end.
  const followRef = useRef(!hasNewer);
  useLayoutEffect(() => {
    followRef.current = !hasNewer;
  }, [hasNewer]);
  // The message a search hit asked for: the store starts a new list for each jump, so this one
  // starts at it (a scroll asked of a list still settling a change can be dropped); here it is marked.
  const focusAt = focus === undefined ? -1 : ids.indexOf(focus);
  const [marked, setMarked] = useState<string>();
  if (focus !== undefined && focusAt >= 0 && marked !== focus) setMarked(focus);
  useEffect(() => {
    if (focusAt >= 0) clearFocus();
  }, [focusAt, clearFocus]);
  // The place is read from the rows on screen as the list goes away (the DOM is still there):
  // read while scrolling, the rows can be a frame behind the scroll position.
  useLayoutEffect(
    () => () => {
      const top = atBottomRef.current && followRef.current ? 'latest' : topVisibleMessage(scroller.current);
      if (top) positions.set(conversationId, { window: loadedWindow, top });
    },
    [conversationId, loadedWindow],
  );
  const toLatest = (): void => {
    // A window far back is replaced by the latest page (the list starts over there); else it is a scroll.
    if (hasNewer) void showLatest(conversationId);
    else list.current?.scrollToIndex({ index: 'LAST', align: 'end' });
  };

  return (
    <div className="message-list">
      <Virtuoso
        ref={list}
        className="messages-scroller"
        data={ids}
        firstItemIndex={firstIndex}
        computeItemKey={(_i, id) => id}
        itemContent={(_i, id) => <Row id={id} marked={id === marked} />}
        components={{ List: MessageOl, Header: OlderHeader, Footer: NewerFooter }}
        context={{ conversationId }}
        {...start}
        startReached={() => void loadOlder(conversationId)}
        endReached={() => void loadNewer(conversationId)}
        followOutput={(bottom) => (bottom && followRef.current ? 'auto' : false)}
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
      {(!atBottom || hasNewer) && (
        <button type="button" className="jump-latest" data-testid="jump-latest" onClick={toLatest}>
          Jump to latest ↓
        </button>
      )}
    </div>
  );
}

type EdgeProps = { context?: { conversationId: string } };

/** Above the first loaded message: room before it, and that older ones are coming, or why they could not be read. */
function OlderHeader({ context }: EdgeProps) {
  const id = context?.conversationId ?? '';
  const loading = useChat((s) => s.loadingOlder[id] ?? false);
  const error = useChat((s) => s.olderError);
  const loadOlder = useChat((s) => s.loadOlder);
  return <PageEdge side="older" loading={loading} error={error} retry={() => void loadOlder(id)} />;
}

/** Below the last loaded message of a window far back: that newer ones are coming, or why they could not be read. */
function NewerFooter({ context }: EdgeProps) {
  const id = context?.conversationId ?? '';
  const loading = useChat((s) => s.loadingNewer[id] ?? false);
  const error = useChat((s) => s.newerError);
  const loadNewer = useChat((s) => s.loadNewer);
  return <PageEdge side="newer" loading={loading} error={error} retry={() => void loadNewer(id)} />;
}

function PageEdge({ side, loading, error, retry }: { side: 'older' | 'newer'; loading: boolean; error?: string; retry: () => void }) {
  const which = side === 'older' ? 'Earlier' : 'Later';
  return (
    <div className={`${side}-edge`}>
      {loading ? (
        <p className="muted small page-status" data-testid={`${side}-loading`}>
          Loading {which.toLowerCase()} messages…
        </p>
      ) : (
        error && (
          <p className="error small page-status" role="alert">
            {which} messages could not be read: {error}{' '}
            <button type="button" className="link" onClick={retry}>
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
