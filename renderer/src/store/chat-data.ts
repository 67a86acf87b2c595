/**
 * Pure updates of the chat's message data from calls and events. Each update
 * replaces only the items it touches, so memoized rows of other messages keep
 * their identity and do not re-render.
 */
import type { Message } from '../../../shared/chat.js';
import type { EventPayload } from '../../../shared/contract/index.js';
import type { DeltaBatch } from './delta-buffer.js';

export interface FallbackNote {
  from: string;
  to: string;
  reason: string;
}

export interface ChatItem {
  message: Message;
  /** Fallbacks seen live while streaming; after a reload they are derived from attempts. */
  fallbacks: FallbackNote[];
}

/**
 * How much of a conversation is loaded: one run of messages, from the latest back,
 * or (after a jump to a search hit far back) a window around one message, paged both ways.
 */
export interface Paging {
  /** Older messages remain in main. */
  hasOlder: boolean;
  /** Newer messages remain in main: the loaded run stops short of the latest message. */
  hasNewer: boolean;
  /** The list index of the first loaded message: it falls by the size of each page put before it. */
  firstIndex: number;
  /** Counts the times the loaded run was replaced by one it does not meet, so the list starts over. */
  window: number;
}

export interface ChatData {
  items: Record<string, ChatItem>;
  /** Message ids per conversation, oldest first. */
  order: Record<string, string[]>;
  paging: Record<string, Paging>;
}

/** Far above any conversation's length, so the first index never goes below zero however far back the user pages. */
export const FIRST_INDEX = 1_000_000_000;

export const emptyChatData: ChatData = { items: {}, order: {}, paging: {} };

function withItem(data: ChatData, item: ChatItem): ChatData {
  const id = item.message.id;
  const conv = item.message.conversationId;
  const ids = data.order[conv] ?? [];
  // A message new to a window that stops short of the latest belongs below it: paging down reads it.
  const order = ids.includes(id) || data.paging[conv]?.hasNewer ? data.order : { ...data.order, [conv]: [...ids, id] };
  return { ...data, items: { ...data.items, [id]: item }, order };
}

function placeholder(conversationId: string, messageId: string, now: number): ChatItem {
  return {
    message: { id: messageId, conversationId, role: 'assistant', text: '', createdAt: now, status: 'streaming' },
    fallbacks: [],
  };
}

/** Events may arrive before `chat.send` resolves, so an unknown assistant message is created on first sight. */
function itemFor(data: ChatData, conversationId: string, messageId: string, now: number): ChatItem {
  return data.items[messageId] ?? placeholder(conversationId, messageId, now);
}

/** The answer's provider is the one it was sent to; a hedge racing it is not, unless it wins (then `chat.done` says so). */
export function applyAttempt(data: ChatData, e: EventPayload<'chat.attempt'>, now: number): ChatData {
  const item = itemFor(data, e.conversationId, e.messageId, now);
  const m = item.message;
  if (m.status !== 'streaming' || (e.hedge && m.provider !== undefined)) return data;
  // A continuation's seam is where the text stands when the next provider takes over.
  const seams = e.continuation && m.provider ? [...(m.seams ?? []), { at: m.text.length, from: m.provider, to: e.provider }] : m.seams;
  return withItem(data, { ...item, message: { ...m, provider: e.provider, model: e.model, ...(seams ? { seams } : {}) } });
}

/** An answer about to be streamed again (regenerate, retry, edit): empty, streaming, same place. */
export function applyRestart(data: ChatData, messageId: string): ChatData {
  const item = data.items[messageId];
  if (!item) return data;
  const { id, conversationId, role, createdAt } = item.message;
  return withItem(data, { message: { id, conversationId, role, createdAt, text: '', status: 'streaming' }, fallbacks: [] });
}

/** Puts one item back as it was, e.g. when a regenerate was refused. */
export function applyRestore(data: ChatData, item: ChatItem): ChatData {
  return withItem(data, item);
}

export function applyDeltas(data: ChatData, batch: DeltaBatch, now: number): ChatData {
  let next = data;
  for (const [messageId, { conversationId, text }] of batch) {
    const item = itemFor(next, conversationId, messageId, now);
    // A late delta must not grow a message that has already ended.
    if (item.message.status !== 'streaming') continue;
    next = withItem(next, { ...item, message: { ...item.message, text: item.message.text + text } });
  }
  return next;
}

export function applyFallback(data: ChatData, e: EventPayload<'chat.fallback'>, now: number): ChatData {
  const item = itemFor(data, e.conversationId, e.messageId, now);
  return withItem(data, { ...item, fallbacks: [...item.fallbacks, { from: e.from, to: e.to, reason: e.reason }] });
}

/** `chat.done` / `chat.error`: main's message is the truth, but streamed text is never thrown away. */
export function applyFinal(data: ChatData, message: Message): ChatData {
  const existing = data.items[message.id];
  const keptText = message.text.length > 0 || !existing ? message.text : existing.message.text;
  return withItem(data, { message: { ...message, text: keptText }, fallbacks: existing?.fallbacks ?? [] });
}

/** The user message goes before its answer, even when the answer's events came first. */
export function applySent(data: ChatData, userMessage: Message, assistantMessageId: string, now: number): ChatData {
  const conv = userMessage.conversationId;
  const assistant = itemFor(data, conv, assistantMessageId, now);
  const was = data.paging[conv];
  // Sent from a window far back: the list starts over at the new turn, and scrolling up reads what came before it.
  const restart = was?.hasNewer === true;
  const rest = restart ? [] : (data.order[conv] ?? []).filter((id) => id !== userMessage.id && id !== assistantMessageId);
  return {
    ...data,
    items: { ...data.items, [userMessage.id]: { message: userMessage, fallbacks: [] }, [assistantMessageId]: assistant },
    order: { ...data.order, [conv]: [...rest, userMessage.id, assistantMessageId] },
    paging: restart ? { ...data.paging, [conv]: restarted(was, true, false) } : data.paging,
  };
}

/** A new run of messages that does not meet the one loaded: the list starts over with it. */
function restarted(was: Paging | undefined, hasOlder: boolean, hasNewer: boolean): Paging {
  return { hasOlder, hasNewer, firstIndex: FIRST_INDEX, window: (was?.window ?? 0) + 1 };
}

/** Main's messages as items; answers still streaming here keep their live text. */
function withMessages(data: ChatData, messages: Message[]): Record<string, ChatItem> {
  const items = { ...data.items };
  for (const message of messages) {
    const local = data.items[message.id];
    const keepLocal = local?.message.status === 'streaming' && message.status === 'streaming';
    items[message.id] = keepLocal && local ? local : { message, fallbacks: local?.fallbacks ?? [] };
  }
  return items;
}

/**
 * A conversation's latest page read from main; answers still streaming here keep
 * their live text. Older pages read before stay when the latest page meets them,
 * so reopening a conversation keeps what the user had scrolled back through.
 */
export function applyLoaded(data: ChatData, conversationId: string, messages: Message[], hasOlder: boolean): ChatData {
  const items = withMessages(data, messages);
  const ids = messages.map((m) => m.id);
  const known = data.order[conversationId] ?? [];
  const meets = ids.length > 0 ? known.indexOf(ids[0] as string) : -1;
  const before = meets > 0 ? known.slice(0, meets) : [];
  const loaded = new Set(ids);
  const extra = known.slice(before.length).filter((id) => !loaded.has(id) && data.items[id]?.message.status === 'streaming');
  const next = [...before, ...ids, ...extra];
  const was = data.paging[conversationId];
  // Nothing loaded before still fits with the latest page (a window far back): the list starts over.
  const apart = was !== undefined && known.length > 0 && meets === -1;
  const paging: Paging = apart
    ? restarted(was, hasOlder, false)
    : { hasOlder: meets > 0 && was ? was.hasOlder : hasOlder, hasNewer: false, firstIndex: was?.firstIndex ?? FIRST_INDEX, window: was?.window ?? 0 };
  // The same ids again keep their array, so an open list does not start over positioning itself.
  const same = next.length === known.length && next.every((id, i) => known[i] === id);
  const samePaging = was && was.hasOlder === paging.hasOlder && was.hasNewer === paging.hasNewer && was.window === paging.window;
  return {
    items,
    order: same ? data.order : { ...data.order, [conversationId]: next },
    paging: samePaging ? data.paging : { ...data.paging, [conversationId]: paging },
  };
}

/** The messages around one (a search hit), in place of whatever was loaded: the list starts over there. */
export function applyWindow(data: ChatData, conversationId: string, messages: Message[], hasOlder: boolean, hasNewer: boolean): ChatData {
  return {
    items: withMessages(data, messages),
    order: { ...data.order, [conversationId]: messages.map((m) => m.id) },
    paging: { ...data.paging, [conversationId]: restarted(data.paging[conversationId], hasOlder, hasNewer) },
  };
}

/** The same messages, with the list started over (at a search hit: starting there is surer than a scroll). */
export function applyNewList(data: ChatData, conversationId: string): ChatData {
  const was = data.paging[conversationId];
  return was ? { ...data, paging: { ...data.paging, [conversationId]: { ...was, window: was.window + 1 } } } : data;
}

/** A newer page, put after the loaded messages (it may repeat the last of them). */
export function applyNewer(data: ChatData, conversationId: string, messages: Message[], hasNewer: boolean): ChatData {
  const known = data.order[conversationId] ?? [];
  const have = new Set(known);
  const fresh = messages.filter((m) => !have.has(m.id));
  const was = data.paging[conversationId] ?? restarted(undefined, false, hasNewer);
  return {
    items: withMessages(data, fresh),
    order: { ...data.order, [conversationId]: [...known, ...fresh.map((m) => m.id)] },
    paging: { ...data.paging, [conversationId]: { ...was, hasNewer } },
  };
}

/** An older page, put before the loaded messages; the first index falls by as many as it adds. */
export function applyOlder(data: ChatData, conversationId: string, messages: Message[], hasOlder: boolean): ChatData {
  const known = data.order[conversationId] ?? [];
  const have = new Set(known);
  const fresh = messages.filter((m) => !have.has(m.id));
  const items = { ...data.items };
  for (const message of fresh) items[message.id] = { message, fallbacks: [] };
  const was = data.paging[conversationId] ?? restarted(undefined, hasOlder, false);
  return {
    items,
    order: { ...data.order, [conversationId]: [...fresh.map((m) => m.id), ...known] },
    paging: { ...data.paging, [conversationId]: { ...was, hasOlder, firstIndex: was.firstIndex - fresh.length } },
  };
}

/** A message deleted in main leaves the list; the others keep their places. */
export function applyRemoved(data: ChatData, conversationId: string, messageId: string): ChatData {
  const known = data.order[conversationId];
  if (!known?.includes(messageId)) return data;
  const { [messageId]: _gone, ...items } = data.items;
  return { ...data, items, order: { ...data.order, [conversationId]: known.filter((id) => id !== messageId) } };
}

/** Drops every message after this one, as main does when an earlier question is edited. */
export function applyTruncated(data: ChatData, conversationId: string, lastKeptId: string): ChatData {
  const known = data.order[conversationId];
  const at = known?.indexOf(lastKeptId) ?? -1;
  if (!known || at === -1 || at === known.length - 1) return data;
  const items = { ...data.items };
  for (const id of known.slice(at + 1)) delete items[id];
  return { ...data, items, order: { ...data.order, [conversationId]: known.slice(0, at + 1) } };
}

export function itemsOf(data: ChatData, conversationId: string | undefined): ChatItem[] {
  if (!conversationId) return [];
  return (data.order[conversationId] ?? []).flatMap((id) => {
    const item = data.items[id];
    return item ? [item] : [];
  });
}

/** The answer still streaming in a conversation, if any. Runs on every streamed frame, so it walks the ids in place. */
export function streamingIdOf(data: ChatData, conversationId: string | undefined): string | undefined {
  const order = conversationId ? data.order[conversationId] : undefined;
  if (!order) return undefined;
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i];
    const message = id === undefined ? undefined : data.items[id]?.message;
    if (message?.role === 'assistant' && message.status === 'streaming') return message.id;
  }
  return undefined;
}
