/** Version 1: conversations and their messages, plus a small key/value table for the store's own facts. */
import type { Migration } from '../migrate.js';

export const conversations: Migration = {
  version: 1,
  up: `
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE conversations (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      message_count INTEGER NOT NULL DEFAULT 0,
      sticky_provider TEXT
    );
    CREATE INDEX conversations_by_update ON conversations(updated_at DESC);

    -- n is the message's stable row number: its order in the conversation, the paging
    -- cursor and the search index's key. AUTOINCREMENT so a deleted row's number is never reused.
    CREATE TABLE messages (
      n INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
      text TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('streaming', 'done', 'error', 'cancelled', 'interrupted')),
      created_at INTEGER NOT NULL,
      task_type TEXT,
      task_reason TEXT,
      provider TEXT,
      model TEXT,
      input_tokens INTEGER,
      output_tokens INTEGER,
      cost_usd REAL,
      ttft_ms REAL,
      latency_ms REAL,
      note TEXT,
      error_kind TEXT,
      error_message TEXT,
      trace TEXT,
      -- The process streaming it, so a start elsewhere never marks a live stream as interrupted.
      writer INTEGER
    );
    CREATE INDEX messages_by_conversation ON messages(conversation_id, n);
    CREATE INDEX messages_streaming ON messages(status) WHERE status = 'streaming';

    -- The sidebar's count and order are kept by the database, so no writer can forget them.
    CREATE TRIGGER messages_count_insert AFTER INSERT ON messages BEGIN
      UPDATE conversations SET message_count = message_count + 1, updated_at = max(updated_at, new.created_at)
      WHERE id = new.conversation_id;
    END;
    CREATE TRIGGER messages_count_delete AFTER DELETE ON messages BEGIN
      UPDATE conversations SET message_count = message_count - 1 WHERE id = old.conversation_id;
    END;
  `,
};
