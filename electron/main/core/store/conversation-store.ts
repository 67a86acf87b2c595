/**
 * Conversations on disk: an index of summaries plus one append-only JSONL file
 * per conversation holding message snapshots (the last snapshot of an id wins).
 * Appends are cheap and survive a crash mid-write: a torn last line is skipped.
 * A later issue moves this behind the same interface to SQLite with full-text search.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConversationSummarySchema, MessageSchema, type ConversationSummary, type Message } from '../../../../shared/chat.js';

export interface ConversationStore {
  list(): ConversationSummary[];
  get(id: string): { conversation: ConversationSummary; messages: Message[] } | undefined;
  create(title: string, now: number): ConversationSummary;
  /** Inserts or replaces a message snapshot. */
  putMessage(message: Message): void;
  setSticky(id: string, provider: string | undefined): void;
  delete(id: string): boolean;
}

const IndexSchema = z.array(ConversationSummarySchema);
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function createConversationStore(dataDir: string): ConversationStore {
  const dir = join(dataDir, 'conversations');
  mkdirSync(dir, { recursive: true });
  const indexPath = join(dir, 'index.json');
  const summaries = new Map<string, ConversationSummary>(loadIndex(indexPath).map((c) => [c.id, c]));
  const cache = new Map<string, Map<string, Message>>();

  const fileFor = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error('invalid conversation id');
    return join(dir, `${id}.jsonl`);
  };

  function saveIndex(): void {
    const tmp = `${indexPath}.tmp`;
    writeFileSync(tmp, JSON.stringify([...summaries.values()]));
    renameSync(tmp, indexPath);
  }

  function messagesOf(id: string): Map<string, Message> {
    let messages = cache.get(id);
    if (!messages) {
      messages = loadMessages(fileFor(id));
      cache.set(id, messages);
    }
    return messages;
  }

  return {
    list: () => [...summaries.values()].sort((a, b) => b.updatedAt - a.updatedAt),
    get(id) {
      const conversation = summaries.get(id);
      if (!conversation) return undefined;
      return { conversation, messages: [...messagesOf(id).values()] };
    },
    create(title, now) {
      const conversation: ConversationSummary = {
        id: randomUUID(),
        title: title.slice(0, 80) || 'New chat',
        createdAt: now,
        updatedAt: now,
        messageCount: 0,
      };
      summaries.set(conversation.id, conversation);
      cache.set(conversation.id, new Map());
      saveIndex();
      return conversation;
    },
    putMessage(message) {
      const summary = summaries.get(message.conversationId);
      if (!summary) throw new Error(`no conversation ${message.conversationId}`);
      const messages = messagesOf(message.conversationId);
      const isNew = !messages.has(message.id);
      messages.set(message.id, message);
      appendFileSync(fileFor(message.conversationId), `${JSON.stringify(message)}\n`);
      // A streaming checkpoint or the final snapshot of a known message leaves the
      // summary as it was; rewriting the index for it would block every 2 s of a stream.
      if (!isNew && message.createdAt <= summary.updatedAt) return;
      summaries.set(summary.id, {
        ...summary,
        updatedAt: Math.max(summary.updatedAt, message.createdAt),
        messageCount: summary.messageCount + (isNew ? 1 : 0),
      });
      saveIndex();
    },
    setSticky(id, provider) {
      const summary = summaries.get(id);
      if (!summary || summary.stickyProvider === provider) return;
      summaries.set(id, { ...summary, stickyProvider: provider });
      saveIndex();
    },
    delete(id) {
      if (!summaries.delete(id)) return false;
      cache.delete(id);
      rmSync(fileFor(id), { force: true });
      saveIndex();
      return true;
    },
  };
}

function loadIndex(path: string): ConversationSummary[] {
  if (!existsSync(path)) return [];
  try {
    const parsed = IndexSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function loadMessages(path: string): Map<string, Message> {
  const messages = new Map<string, Message>();
  if (!existsSync(path)) return messages;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      const parsed = MessageSchema.safeParse(JSON.parse(line));
      if (parsed.success) messages.set(parsed.data.id, parsed.data);
    } catch {
      // A line torn by a crash mid-append: the snapshot before it still stands.
    }
  }
  // This run's own streams are in the cache before any file is read again, so an
  // answer still streaming on disk was left by a run that stopped (or by another
  // process, which this one must not write over): shown as cut off, never stored.
  for (const [id, m] of messages) {
    if (m.status === 'streaming') messages.set(id, { ...m, status: 'error', error: INTERRUPTED });
  }
  return messages;
}

const INTERRUPTED = { kind: 'stream_interrupted', message: 'Switchboard closed before this answer finished.' } as const;
