/**
 * Conversations and messages in switchboard.db. A message is one row: a
 * streaming answer's checkpoint updates that row's text, and its final state
 * replaces the row's fields. Its attempts live in the attempts table, written
 * by the router as each one settles. Reads page from the newest message, so
 * opening a long conversation costs one page, not the whole history.
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ConversationSummary, Message } from '../../../../../shared/chat.js';
import type { AttemptStore } from '../attempts/attempt-store.js';
import { messageFromRow, messageParams, type MessageRow } from './message-rows.js';
import { conversationSetup, setupOf, type ConversationPatch, type SetupRow } from './conversation-setup.js';

export const PAGE_SIZE = 100;

export interface MessagePage {
  /** Oldest first. */
  messages: Message[];
  hasOlder: boolean;
}

/** The messages around one message, e.g. a search hit far back: a window that can page both ways. */
export interface MessageWindow extends MessagePage {
  hasNewer: boolean;
}

/** What the chat needs of each earlier message: the provider's turns, and where an answer again or an edit goes. */
export type HistoryTurn = Pick<Message, 'id' | 'role' | 'text' | 'status' | 'createdAt' | 'finish' | 'taskType'>;

export interface ConversationStore {
  list(): ConversationSummary[];
  summary(id: string): ConversationSummary | undefined;
  /** The conversation and its latest page of messages. */
  get(id: string, limit?: number): ({ conversation: ConversationSummary } & MessagePage) | undefined;
  /** Messages strictly older than `before`, at most `limit`; undefined when the conversation or message is unknown. */
  page(id: string, before: string, limit?: number): MessagePage | undefined;
  /**
   * The message, up to `before` messages older and up to `after` newer, oldest first;
   * undefined when the conversation or message is unknown. `after` from the last
   * loaded message (and `before` 0) is the page below it.
   */
  around(id: string, messageId: string, before: number, after: number): MessageWindow | undefined;
  /** Every message as history, oldest first, for the provider. */
  turns(id: string): HistoryTurn[];
  create(title: string, now: number): ConversationSummary;
  /** Inserts a message or replaces its stored state (not its attempts, which the router records). */
  putMessage(message: Message): void;
  /** Saves a streaming answer's text so far. */
  checkpoint(messageId: string, text: string): void;
  setSticky(id: string, provider: string | undefined): void;
  /**
   * An answer starts over under its own id: its earlier attempts stop being its
   * attempts but stay in the ledger, so spend and quotas do not change.
   */
  detachAttempts(messageId: string): void;
  delete(id: string): boolean;
  /** Changes a conversation's title, pin, system prompt or generation settings; undefined when it is gone. */
  update(id: string, patch: ConversationPatch): ConversationSummary | undefined;
  /** A generated title, kept only while the title is still the one made from the prompt. */
  setGeneratedTitle(id: string, title: string): ConversationSummary | undefined;
  /** Of a compare's answers, the picked one goes into the history and the others are set aside. */
  pickCompared(conversationId: string, compareId: string, messageId: string): Message | undefined;
  /** One message; its attempts stay in the ledger. False when it is not in that conversation. */
  deleteMessage(conversationId: string, messageId: string): boolean;
  /** Every message after this one (set-aside compared answers too); their attempts stay in the ledger. The count removed. */
  deleteAfter(conversationId: string, messageId: string): number;
}

interface ConversationRow extends SetupRow {
  id: string;
  title: string;
  created_at: number;
  updated_at: number;
  message_count: number;
  sticky_provider: string | null;
}

const summaryOf = (r: ConversationRow): ConversationSummary => ({
  id: r.id,
  title: r.title,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  messageCount: r.message_count,
  ...(r.sticky_provider !== null ? { stickyProvider: r.sticky_provider } : {}),
  ...setupOf(r),
});

type TurnRow = Pick<MessageRow, 'id' | 'role' | 'text' | 'status' | 'created_at' | 'finish' | 'task_type'>;

function turnOf(r: TurnRow): HistoryTurn {
  const turn: HistoryTurn = { id: r.id, role: r.role, text: r.text, status: r.status, createdAt: r.created_at };
  if (r.finish === 'length') turn.finish = 'length';
  if (r.task_type !== null) turn.taskType = r.task_type;
  return turn;
}

const MESSAGE_COLUMNS = [
  'conversation_id', 'role', 'text', 'status', 'created_at', 'task_type', 'task_reason', 'provider', 'model',
  'input_tokens', 'output_tokens', 'cost_usd', 'ttft_ms', 'latency_ms', 'note', 'error_kind', 'error_message', 'trace', 'writer',
  'compare_id', 'set_aside',
  'finish', 'seams', 'usage_estimated',
];

export function createConversationStore(db: Database, attempts: AttemptStore, writer: number = process.pid): ConversationStore {
  const s = {
    list: db.prepare('SELECT * FROM conversations ORDER BY updated_at DESC, rowid DESC'),
    one: db.prepare<[string]>('SELECT * FROM conversations WHERE id = ?'),
    latest: db.prepare<[string, number]>('SELECT * FROM (SELECT * FROM messages WHERE conversation_id = ? ORDER BY n DESC LIMIT ?) ORDER BY n'),
    older: db.prepare<{ id: string; before: string; limit: number }>(`
      SELECT * FROM (SELECT * FROM messages WHERE conversation_id = @id AND n < (SELECT n FROM messages WHERE id = @before AND conversation_id = @id)
      ORDER BY n DESC LIMIT @limit) ORDER BY n`),
    // The anchor and up to `limit - 1` messages before it, oldest first (the window around a message).
    upTo: db.prepare<{ id: string; at: string; limit: number }>(`
      SELECT * FROM (SELECT * FROM messages WHERE conversation_id = @id AND n <= (SELECT n FROM messages WHERE id = @at AND conversation_id = @id)
      ORDER BY n DESC LIMIT @limit) ORDER BY n`),
    // What follows the anchor, oldest first.
    newer: db.prepare<{ id: string; at: string; limit: number }>(`
      SELECT * FROM messages WHERE conversation_id = @id AND n > (SELECT n FROM messages WHERE id = @at AND conversation_id = @id)
      ORDER BY n LIMIT @limit`),
    hasMessage: db.prepare<[string, string]>('SELECT 1 FROM messages WHERE id = ? AND conversation_id = ?').pluck(),
    turns: db.prepare<[string]>('SELECT id, role, text, status, created_at, finish, task_type FROM messages WHERE conversation_id = ? AND set_aside = 0 ORDER BY n'),
    create: db.prepare('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    upsert: db.prepare(`
      INSERT INTO messages (id, ${MESSAGE_COLUMNS.join(', ')}) VALUES (@id, ${MESSAGE_COLUMNS.map((c) => `@${c}`).join(', ')})
      ON CONFLICT(id) DO UPDATE SET ${MESSAGE_COLUMNS.filter((c) => c !== 'conversation_id' && c !== 'role' && c !== 'created_at')
        .map((c) => `${c} = excluded.${c}`)
        .join(', ')}`),
    checkpoint: db.prepare("UPDATE messages SET text = ? WHERE id = ? AND status = 'streaming'"),
    sticky: db.prepare('UPDATE conversations SET sticky_provider = ? WHERE id = ?'),
    detach: db.prepare('UPDATE attempts SET message_id = NULL WHERE message_id = ?'),
    delete: db.prepare('DELETE FROM conversations WHERE id = ?'),
    deleteMessage: db.prepare('DELETE FROM messages WHERE id = ? AND conversation_id = ?'),
    deleteAfter: db.prepare<[string, string, string]>('DELETE FROM messages WHERE conversation_id = ? AND n > (SELECT n FROM messages WHERE id = ? AND conversation_id = ?)'),
  };

  function messagesOf(rows: MessageRow[]): Message[] {
    const byMessage = attempts.forMessages(rows.filter((r) => r.role === 'assistant').map((r) => r.id));
    return rows.map((r) => messageFromRow(r, byMessage.get(r.id)));
  }

  /** Reads one page plus one row, to know whether there is more. */
  function pageOf(rows: MessageRow[], limit: number): MessagePage {
    const hasOlder = rows.length > limit;
    return { messages: messagesOf(hasOlder ? rows.slice(1) : rows), hasOlder };
  }

  const summary = (id: string): ConversationSummary | undefined => {
    const row = s.one.get(id) as ConversationRow | undefined;
    return row ? summaryOf(row) : undefined;
  };

  return {
    list: () => (s.list.all() as ConversationRow[]).map(summaryOf),
    summary,
    get(id, limit = PAGE_SIZE) {
      const conversation = summary(id);
      if (!conversation) return undefined;
      return { conversation, ...pageOf(s.latest.all(id, limit + 1) as MessageRow[], limit) };
    },
    page(id, before, limit = PAGE_SIZE) {
      if (!s.hasMessage.get(before, id)) return undefined;
      return pageOf(s.older.all({ id, before, limit: limit + 1 }) as MessageRow[], limit);
    },
    around(id, messageId, before, after) {
      if (!s.hasMessage.get(messageId, id)) return undefined;
      // One row more each way says whether there is more.
      const older = s.upTo.all({ id, at: messageId, limit: before + 2 }) as MessageRow[];
      const newer = s.newer.all({ id, at: messageId, limit: after + 1 }) as MessageRow[];
      const hasOlder = older.length > before + 1;
      const hasNewer = newer.length > after;
      const rows = [...(hasOlder ? older.slice(1) : older), ...newer.slice(0, after)];
      return { messages: messagesOf(rows), hasOlder, hasNewer };
    },
    turns: (id) => (s.turns.all(id) as TurnRow[]).map(turnOf),
    create(title, now) {
      const conversation: ConversationSummary = { id: randomUUID(), title: title.slice(0, 80) || 'New chat', createdAt: now, updatedAt: now, messageCount: 0 };
      s.create.run(conversation.id, conversation.title, now, now);
      return conversation;
    },
    putMessage(message) {
      s.upsert.run(messageParams(message, writer));
    },
    checkpoint(messageId, text) {
      s.checkpoint.run(text, messageId);
    },
    setSticky(id, provider) {
      s.sticky.run(provider ?? null, id);
    },
    detachAttempts(messageId) {
      // Attempts are queued for the next turn: the last run's must be in the table to be detached.
      attempts.flush();
      s.detach.run(messageId);
    },
    delete: (id) => s.delete.run(id).changes > 0,
    ...conversationSetup(db, summary),
    deleteMessage: (conversationId, messageId) => s.deleteMessage.run(messageId, conversationId).changes > 0,
    deleteAfter: (conversationId, messageId) => s.deleteAfter.run(conversationId, messageId, conversationId).changes,
  };
}
