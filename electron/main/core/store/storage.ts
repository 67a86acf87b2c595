/**
 * Opens the one database every host shares and the stores over it: the
 * conversations, the attempts record, search and the router's state. Old
 * JSONL data is imported on first start; answers left streaming by a process
 * that is gone become interrupted. Writes a user is waiting on fail with a
 * StorageError in words (full disk, read-only, locked), never SQLite's code.
 */
import type { Database } from 'better-sqlite3';
import type { Notice } from '../../../../shared/contract/calls-settings.js';
import { createAttemptStore, type AttemptStore } from './attempts/attempt-store.js';
import { createConversationStore, type ConversationStore } from './conversations/conversation-store.js';
import { markInterrupted } from './conversations/interrupted.js';
import { createSearch, type SearchHit } from './conversations/search.js';
import { openDatabase } from './db/open-database.js';
import { guarded, reasonOf } from './db/storage-error.js';
import { importLegacy } from './legacy/legacy-import.js';
import { createDbStateStore, type DbStateStore } from './router-state-db.js';

export interface Storage {
  readonly db: Database;
  readonly path: string;
  readonly persistent: boolean;
  readonly conversations: ConversationStore;
  readonly attempts: AttemptStore;
  readonly routerState: DbStateStore;
  search(query: string, limit?: number): SearchHit[];
  /** What the user should know about the database at start (imported, damaged, in memory only). */
  readonly notices: Notice[];
  close(): void;
}

export function openStorage(dataDir: string, options: { now?: () => number } = {}): Storage {
  const opened = openDatabase(dataDir, options);
  const { db, path } = opened;
  const notices = [...opened.notices];
  const attempts = createAttemptStore(db);
  const routerState = createDbStateStore(db, options.now);
  if (opened.persistent) {
    try {
      notices.push(...importLegacy(dataDir, { db, attempts, state: routerState }));
    } catch (error) {
      notices.push({
        id: 'storage.import_failed',
        level: 'error',
        text: `Switchboard could not move your old conversations into ${path} (${reasonOf(error)}). They are untouched and will be imported at the next start.`,
      });
    }
  }
  try {
    markInterrupted(db);
  } catch {
    // A read-only database still opens; its streaming rows are shown as they are.
  }
  const search = createSearch(db);
  return {
    db,
    path,
    persistent: opened.persistent,
    conversations: inWords(createConversationStore(db, attempts), path),
    attempts,
    routerState,
    search: (query, limit) => guarded(path, 'search', () => search(query, limit)),
    notices,
    close: () => {
      attempts.flush();
      db.close();
    },
  };
}

/** The same store, with each SQLite failure turned into words. */
function inWords(store: ConversationStore, path: string): ConversationStore {
  return {
    list: () => guarded(path, 'read your conversations', () => store.list()),
    summary: (id) => guarded(path, 'read the conversation', () => store.summary(id)),
    get: (id, limit) => guarded(path, 'read the conversation', () => store.get(id, limit)),
    page: (id, before, limit) => guarded(path, 'read the conversation', () => store.page(id, before, limit)),
    around: (id, messageId, before, after) => guarded(path, 'read the conversation', () => store.around(id, messageId, before, after)),
    turns: (id) => guarded(path, 'read the conversation', () => store.turns(id)),
    create: (title, now) => guarded(path, 'start a conversation', () => store.create(title, now)),
    putMessage: (message) => guarded(path, 'save the message', () => store.putMessage(message)),
    checkpoint: (id, text) => guarded(path, 'save the answer so far', () => store.checkpoint(id, text)),
    setSticky: (id, provider) => guarded(path, 'save the conversation', () => store.setSticky(id, provider)),
    detachAttempts: (id) => guarded(path, 'save the message', () => store.detachAttempts(id)),
    delete: (id) => guarded(path, 'delete the conversation', () => store.delete(id)),
    update: (id, patch) => guarded(path, 'save the conversation', () => store.update(id, patch)),
    setGeneratedTitle: (id, title) => guarded(path, 'save the title', () => store.setGeneratedTitle(id, title)),
    pickCompared: (conversationId, compareId, id) => guarded(path, 'save your choice', () => store.pickCompared(conversationId, compareId, id)),
    deleteMessage: (conversationId, id) => guarded(path, 'delete the message', () => store.deleteMessage(conversationId, id)),
    deleteAfter: (conversationId, id) => guarded(path, 'remove the later messages', () => store.deleteAfter(conversationId, id)),
  };
}
