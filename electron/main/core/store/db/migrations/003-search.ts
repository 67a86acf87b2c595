/**
 * Version 3: full-text search over message text. The trigram tokenizer finds
 * Chinese, Japanese, Korean and Russian as well as English (queries of 3+
 * characters; shorter ones are answered by a scan, see search.ts). The database
 * keeps the index in sync; a message still streaming is indexed once it ends,
 * so a checkpoint never re-indexes a growing text.
 */
import type { Migration } from '../migrate.js';

export const search: Migration = {
  version: 3,
  up: `
    CREATE VIRTUAL TABLE messages_fts USING fts5(text, content = 'messages', content_rowid = 'n', tokenize = 'trigram');
    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.status <> 'streaming' BEGIN
      INSERT INTO messages_fts(rowid, text) VALUES (new.n, new.text);
    END;
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.status <> 'streaming' BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.n, old.text);
    END;
    -- One trigger, so the old entry always goes before the new one comes.
    CREATE TRIGGER messages_fts_update AFTER UPDATE OF text, status ON messages BEGIN
      INSERT INTO messages_fts(messages_fts, rowid, text) SELECT 'delete', old.n, old.text WHERE old.status <> 'streaming';
      INSERT INTO messages_fts(rowid, text) SELECT new.n, new.text WHERE new.status <> 'streaming';
    END;
    INSERT INTO messages_fts(rowid, text) SELECT n, text FROM messages WHERE status <> 'streaming';
  `,
};
