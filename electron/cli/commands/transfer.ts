/**
 * `switchboard export ID [--format json|md]` writes a conversation to stdout;
 * `switchboard import FILE` reads the JSON export format, or a backup of all
 * conversations from the app, and prints each new conversation's id (always new
 * conversations: importing twice makes two).
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../main/core/host-options.js';
import { ExportSchema, exportConversation, importConversation, toMarkdown } from '../../main/core/store/conversations/transfer.js';
import type { Storage } from '../../main/core/store/storage.js';
import { importAll, readTransfer } from '../../main/core/store/conversations/backup.js';
import type { Output } from '../output.js';

/** Big enough for a long conversation, small enough that a wrong file cannot exhaust memory. */
const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export function exportCommand(storage: Storage, id: string | undefined, format: string | undefined, out: Output): number {
  if (!id) throw new UsageError('export needs a conversation id (see: switchboard history)');
  const as = format ?? 'json';
  if (as !== 'json' && as !== 'md') throw new UsageError(`--format must be json or md, not "${as}"`);
  const doc = exportConversation(storage.conversations, id);
  if (!doc) throw new NotFoundError(`no conversation ${id} (see: switchboard history)`);
  out.text(as === 'md' ? toMarkdown(doc) : `${JSON.stringify(doc, null, 2)}\n`);
  return 0;
}

export function importCommand(storage: Storage, file: string | undefined, out: Output, now = Date.now()): number {
  if (!file) throw new UsageError('import needs a file written by switchboard export');
  const path = resolve(file);
  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new UsageError(`${path} is not a file`);
    if (stat.size > MAX_IMPORT_BYTES) throw new UsageError(`${path} is too large to be a conversation export`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${path} is not JSON (expected a file written by switchboard export)`);
  }
  // A backup of all conversations (Settings → Import/Export) imports whole: one line per conversation.
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'switchboard.backup') return importBackup(storage, text, path, out, now);
  const parsed = ExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new UsageError(`${path} is not a Switchboard conversation export (${where}${issue?.message ?? 'invalid'})`);
  }
  const created = importConversation(storage.db, storage.conversations, parsed.data, now);
  if (out.json) out.line({ id: created.id, title: created.title, messageCount: created.messageCount });
  else out.text(`${created.id}\n`);
  return 0;
}

function importBackup(storage: Storage, text: string, path: string, out: Output, now: number): number {
  const read = readTransfer(text);
  if (!read.ok) throw new UsageError(`${path}: ${read.message}`);
  for (const created of importAll(storage.db, storage.conversations, read.docs, now)) {
    if (out.json) out.line({ id: created.id, title: created.title, messageCount: created.messageCount });
    else out.text(`${created.id}\n`);
  }
  return 0;
}
