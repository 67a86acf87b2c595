/**
 * A conversation as a file: the JSON export format (`switchboard export`,
 * read back by `switchboard import`) and Markdown for people. An import is
 * always a new conversation with new ids, so importing a file twice makes two
 * conversations and never merges into or overwrites one. Attempts in a file
 * are calls another install made: they stay out of this one's usage record.
 */
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConversationSummarySchema, MessageSchema, type ConversationSummary, type Message } from '../../../../../shared/chat.js';
import type { ConversationStore } from './conversation-store.js';

export const ExportSchema = z.object({
  format: z.literal('switchboard.conversation'),
  version: z.literal(1),
  conversation: ConversationSummarySchema.pick({ title: true, createdAt: true, updatedAt: true }),
  messages: z.array(MessageSchema.omit({ conversationId: true })).max(1_000_000),
});
export type ConversationExport = z.infer<typeof ExportSchema>;

/** Every message of a conversation, oldest first. */
export function allMessages(store: ConversationStore, id: string): { conversation: ConversationSummary; messages: Message[] } | undefined {
  const found = store.get(id, Number.MAX_SAFE_INTEGER - 1);
  return found && { conversation: found.conversation, messages: found.messages };
}

export function exportConversation(store: ConversationStore, id: string): ConversationExport | undefined {
  const found = allMessages(store, id);
  if (!found) return undefined;
  const { title, createdAt, updatedAt } = found.conversation;
  return {
    format: 'switchboard.conversation',
    version: 1,
    conversation: { title, createdAt, updatedAt },
    messages: found.messages.map(({ conversationId: _c, ...m }) => m),
  };
}

export function toMarkdown(doc: ConversationExport): string {
  const lines = [`# ${doc.conversation.title}`, ''];
  for (const m of doc.messages) {
    const who = m.role === 'user' ? 'You' : [m.provider, m.model].filter(Boolean).join(' · ') || 'Assistant';
    lines.push(`## ${who}`, '', m.text, '');
    if (m.status !== 'done') lines.push(`_${m.status}${m.error ? `: ${m.error.message}` : ''}_`, '');
  }
  return lines.join('\n');
}

export function importConversation(db: Database, store: ConversationStore, doc: ConversationExport, now: number): ConversationSummary {
  return db
    .transaction(() => {
      const created = store.create(doc.conversation.title, doc.conversation.createdAt);
      for (const m of doc.messages) {
        const { attempts: _attempts, ...rest } = m;
        // Never streaming: nothing here will finish it.
        const status = rest.status === 'streaming' ? 'interrupted' : rest.status;
        store.putMessage({ ...rest, status, id: randomUUID(), conversationId: created.id });
      }
      db.prepare('UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?').run(Math.min(doc.conversation.updatedAt, now), created.id);
      return store.summary(created.id) ?? created;
    })
    .immediate();
}
