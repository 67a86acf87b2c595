/**
 * Moves data from the format before switchboard.db into it, once: every
 * conversation, message and attempt, and the router's breakers and cooldowns,
 * in one transaction with the mark that says it is done. A crash half-way
 * leaves nothing of it, so the next start redoes it from the start. Only after
 * the commit are the old files renamed (never deleted); a start that finds the
 * mark but the old folder still in place just finishes the renaming.
 */
import type { Database } from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Notice } from '../../../../../shared/contract/calls-settings.js';
import type { AttemptStore } from '../attempts/attempt-store.js';
import { messageParams } from '../conversations/message-rows.js';
import type { DbStateStore } from '../router-state-db.js';
import { hasLegacyData, LEGACY_FOLDER, LEGACY_STATE, readLegacy, type LegacyData } from './legacy-read.js';

const DONE_KEY = 'legacy_import';
export const IMPORTED_SUFFIX = '.imported';

export interface LegacyImportDeps {
  db: Database;
  attempts: AttemptStore;
  state: DbStateStore;
  /** Runs inside the transaction before it commits; tests use it to interrupt the import. */
  beforeCommit?: () => void;
}

export function importLegacy(dataDir: string, deps: LegacyImportDeps): Notice[] {
  if (!hasLegacyData(dataDir)) return [];
  const { db } = deps;
  const done = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  let data: LegacyData | undefined;
  if (done.get(DONE_KEY) === undefined) {
    data = readLegacy(dataDir);
    const imported = db.transaction((legacy: LegacyData) => {
      // Another process may have imported while this one read the files.
      if (done.get(DONE_KEY) !== undefined) return false;
      write(legacy, deps);
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(DONE_KEY, JSON.stringify({ at: Date.now(), conversations: legacy.conversations.length }));
      deps.beforeCommit?.();
      return true;
    });
    if (!imported.immediate(data)) data = undefined;
  }
  const kept = renameOld(dataDir);
  if (!data) return [];
  const notices: Notice[] = [];
  const count = data.conversations.length;
  const where = kept.length > 0 ? `; the old files are kept as ${kept.join(' and ')}` : '';
  notices.push({
    id: 'storage.imported',
    level: 'info',
    text: `Moved ${count} conversation${count === 1 ? '' : 's'} from the old format into switchboard.db${where}.`,
  });
  for (const [i, words] of data.setAside.entries()) {
    notices.push({ id: `storage.imported.damaged.${i}`, level: 'warning', text: `While importing: ${words}. The original is kept${kept.length > 0 ? ` in ${kept.join(' and ')}` : ''}.` });
  }
  return notices;
}

function write(legacy: LegacyData, deps: LegacyImportDeps): void {
  const { db, attempts } = deps;
  const conversation = db.prepare(
    'INSERT OR IGNORE INTO conversations (id, title, created_at, updated_at, sticky_provider) VALUES (?, ?, ?, ?, ?)',
  );
  const columns = Object.keys(messageParams({ id: '', conversationId: '', role: 'user', text: '', createdAt: 0, status: 'done' }, null));
  const message = db.prepare(`INSERT OR IGNORE INTO messages (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  for (const { summary, messages } of legacy.conversations) {
    conversation.run(summary.id, summary.title, summary.createdAt, summary.updatedAt, summary.stickyProvider ?? null);
    for (const m of messages) {
      if (message.run(messageParams(m, null)).changes === 0) continue;
      for (const attempt of m.attempts ?? []) {
        const tokens = attempt.usage ? attempt.usage.inputTokens + attempt.usage.outputTokens : 0;
        attempts.recordNow({ attempt, source: 'chat', messageId: m.id, ...(m.taskType ? { taskType: m.taskType } : {}), fallback: false, quota: { requests: 1, tokens } });
      }
    }
  }
  // The sidebar's order is the old one, not the time of import.
  const touch = db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?');
  for (const { summary } of legacy.conversations) touch.run(summary.updatedAt, summary.id);
  if (legacy.state) deps.state.writeNow(legacy.state);
}

/** Renames the old folder and state file out of the way; returns the new names. */
function renameOld(dataDir: string): string[] {
  const kept: string[] = [];
  for (const name of [LEGACY_FOLDER, LEGACY_STATE]) {
    const from = join(dataDir, name);
    if (!existsSync(from)) continue;
    let to = `${name}${IMPORTED_SUFFIX}`;
    for (let n = 2; existsSync(join(dataDir, to)); n++) to = `${name}${IMPORTED_SUFFIX}-${n}`;
    try {
      renameSync(from, join(dataDir, to));
      kept.push(to);
    } catch {
      // Another process renamed it first, or the folder is read-only: the mark in the database keeps it from being imported twice.
    }
  }
  return kept;
}
