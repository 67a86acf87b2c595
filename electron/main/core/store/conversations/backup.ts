/**
 * Conversations as files from the app: one conversation (JSON or Markdown) or a
 * backup of all of them, and the import of either. An import is all or nothing
 * (one transaction) and only ever adds conversations, so a bad file loses
 * nothing. Keys never reach a file: every text passes the key scrubber.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { ConversationSummary } from '../../../../../shared/chat.js';
import type { ConversationStore } from './conversation-store.js';
import { ExportSchema, exportConversation, importConversation, toMarkdown, type ConversationExport } from './transfer.js';

export const BackupSchema = z.object({
  format: z.literal('switchboard.backup'),
  version: z.literal(1),
  exportedAt: z.number(),
  conversations: z.array(ExportSchema).max(100_000),
});
export type Backup = z.infer<typeof BackupSchema>;

export interface TransferFile {
  fileName: string;
  text: string;
}

/** A name safe on every OS, from the title. */
export function fileNameOf(title: string, ext: string): string {
  const printable = [...title].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
  const base = printable
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .replace(/[. ]+$/, '');
  return `${base || 'conversation'}.${ext}`;
}

export function exportOne(store: ConversationStore, id: string, format: 'json' | 'md', scrub: (text: string) => string): TransferFile | undefined {
  const doc = exportConversation(store, id);
  if (!doc) return undefined;
  const text = format === 'md' ? toMarkdown(doc) : `${JSON.stringify(doc, null, 2)}\n`;
  return { fileName: fileNameOf(doc.conversation.title, format), text: scrub(text) };
}

export function exportAll(store: ConversationStore, now: number, scrub: (text: string) => string): TransferFile & { count: number } {
  const conversations = store
    .list()
    .map((c) => exportConversation(store, c.id))
    .filter((doc): doc is ConversationExport => doc !== undefined);
  const backup: Backup = { format: 'switchboard.backup', version: 1, exportedAt: now, conversations };
  const day = new Date(now).toISOString().slice(0, 10);
  return { fileName: `switchboard-backup-${day}.json`, text: scrub(`${JSON.stringify(backup, null, 2)}\n`), count: conversations.length };
}

/** The conversations in a backup or a one-conversation export, or what is wrong with the file, in words. */
export function readTransfer(text: string): { ok: true; docs: ConversationExport[] } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not JSON. Choose a backup or conversation file exported from Switchboard.' };
  }
  const format = typeof json === 'object' && json !== null && 'format' in json ? (json as { format: unknown }).format : undefined;
  const schema = format === 'switchboard.backup' ? BackupSchema : format === 'switchboard.conversation' ? ExportSchema : undefined;
  if (!schema) return { ok: false, message: 'This JSON file is not a Switchboard backup or conversation export.' };
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')}: ${issue.message})` : '';
    return { ok: false, message: `This file looks like a Switchboard export but is damaged or incomplete${where}. Nothing was imported.` };
  }
  const data = parsed.data;
  return { ok: true, docs: 'conversations' in data ? data.conversations : [data] };
}

/** Adds every conversation of the file, or none of them. */
export function importAll(db: Database, store: ConversationStore, docs: readonly ConversationExport[], now: number): ConversationSummary[] {
  return db.transaction(() => docs.map((doc) => importConversation(db, store, doc, now))).immediate();
}
