/**
 * Search over every message. Terms of three characters or more go through the
 * FTS5 trigram index, ranked by bm25. Trigrams cannot match a shorter term (a
 * one- or two-character Chinese word, "db"), so those are matched by a scan
 * instead: as a filter on the index's hits when the query also has a longer
 * term, or over all messages, newest first, when it has none.
 */
import type { Database, Statement } from 'better-sqlite3';
import { snippetOf } from './snippet.js';

export interface SearchHit {
  conversationId: string;
  conversationTitle: string;
  messageId: string;
  role: 'user' | 'assistant';
  snippet: string;
  ranges: [number, number][];
  createdAt: number;
}

const MAX_TERMS = 16;
const COLUMNS = 'm.id, m.conversation_id, m.role, m.text, m.created_at, c.title';

interface HitRow {
  id: string;
  conversation_id: string;
  role: 'user' | 'assistant';
  text: string;
  created_at: number;
  title: string;
}

export function termsOf(query: string): string[] {
  return [...new Set(query.trim().split(/\s+/u).filter(Boolean))].slice(0, MAX_TERMS);
}

const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, '\\$&')}%`;
const phrase = (term: string): string => `"${term.replace(/"/g, '""')}"`;

export function createSearch(db: Database): (query: string, limit?: number) => SearchHit[] {
  const statements = new Map<string, Statement<unknown[]>>();
  const prepared = (sql: string): Statement<unknown[]> => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare<unknown[]>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  return (query, limit = 20) => {
    const terms = termsOf(query);
    if (terms.length === 0) return [];
    const long = terms.filter((t) => [...t].length >= 3);
    const short = terms.filter((t) => [...t].length < 3);
    const likes = short.map(() => "m.text LIKE ? ESCAPE '\\'").join(' AND ');
    let rows: HitRow[];
    if (long.length > 0) {
      const sql = `SELECT ${COLUMNS} FROM messages_fts f JOIN messages m ON m.n = f.rowid JOIN conversations c ON c.id = m.conversation_id
        WHERE messages_fts MATCH ?${likes ? ` AND ${likes}` : ''} ORDER BY bm25(messages_fts), m.n DESC LIMIT ?`;
      rows = prepared(sql).all(long.map(phrase).join(' AND '), ...short.map(likePattern), limit) as HitRow[];
    } else {
      const sql = `SELECT ${COLUMNS} FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.status <> 'streaming' AND ${likes} ORDER BY m.n DESC LIMIT ?`;
      rows = prepared(sql).all(...short.map(likePattern), limit) as HitRow[];
    }
    return rows.map((r) => ({
      conversationId: r.conversation_id,
      conversationTitle: r.title,
      messageId: r.id,
      role: r.role,
      ...snippetOf(r.text, terms),
      createdAt: r.created_at,
    }));
  };
}
