/**
 * `switchboard history [--limit N] [--json]`: one line per conversation, newest
 * first. `history --search QUERY [--json]`: one line per matching message, best
 * first, with the matched ranges as character offsets within the snippet.
 */
import type { Storage } from '../../main/core/store/storage.js';
import { UsageError } from '../../main/core/host-options.js';
import type { Output } from '../output.js';

const MAX_LIMIT = 10_000;
const MAX_QUERY = 500;

export function parseLimit(flag: string | undefined, fallback: number): number {
  if (flag === undefined) return fallback;
  const n = Number(flag);
  if (!/^\d+$/.test(flag) || n < 1 || n > MAX_LIMIT) throw new UsageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}, not "${flag}"`);
  return n;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function history(storage: Storage, options: { limit?: string; search?: string }, out: Output): number {
  if (options.search !== undefined) return search(storage, options.search, parseLimit(options.limit, 20), out);
  const list = storage.conversations.list().slice(0, parseLimit(options.limit, MAX_LIMIT));
  for (const c of list) {
    if (out.json) out.line({ id: c.id, title: c.title, createdAt: c.createdAt, updatedAt: c.updatedAt, messageCount: c.messageCount });
    else out.text(`${c.id}  ${new Date(c.updatedAt).toISOString().slice(0, 16).replace('T', ' ')}  ${String(c.messageCount).padStart(4)}  ${oneLine(c.title)}\n`);
  }
  if (!out.json && list.length === 0) out.note('no conversations yet');
  return 0;
}

function search(storage: Storage, query: string, limit: number, out: Output): number {
  if (!query.trim()) throw new UsageError('--search needs something to search for');
  if (query.length > MAX_QUERY) throw new UsageError(`a search can be at most ${MAX_QUERY} characters`);
  const hits = storage.search(query, Math.min(limit, 100));
  for (const h of hits) {
    if (out.json) out.line({ conversationId: h.conversationId, messageId: h.messageId, role: h.role, snippet: h.snippet, ranges: h.ranges });
    else out.text(`${h.conversationId}  ${h.role.padEnd(9)}  ${oneLine(h.snippet)}\n`);
  }
  if (!out.json && hits.length === 0) out.note(`no messages match "${oneLine(query)}"`);
  return 0;
}
