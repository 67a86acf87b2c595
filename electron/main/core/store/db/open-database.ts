/**
 * Opens switchboard.db for every host and process alike: WAL so readers never
 * wait for a writer, a busy timeout so concurrent writers (the app, the CLI, a
 * second CLI) take turns instead of failing, foreign keys on, and the schema
 * migrated. A damaged file is moved aside with a notice and a fresh one
 * started; it is never deleted. When the folder cannot hold a database at all,
 * the store runs in memory for this session and says so.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Notice } from '../../../../../shared/contract/calls-settings.js';
import { migrate, NewerSchemaError } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';
import { checkMarkOf, isCorruption, reasonOf } from './storage-error.js';

export const DB_FILE = 'switchboard.db';
/** Long enough to outlast any writer of ours (a checkpoint takes well under a millisecond), short enough to tell the user. */
export const BUSY_TIMEOUT_MS = 5000;
/**
 * quick_check reads every page (about 12 ms per MB here); past this size it would
 * slow every start, so a larger file is checked only after a query found damage
 * in it (the mark a StorageError leaves, see storage-error.ts).
 */
const QUICK_CHECK_MAX_BYTES = 4 * 1024 * 1024;

export interface OpenedDatabase {
  db: Database.Database;
  path: string;
  /** False when running in memory because the file could not be opened. */
  persistent: boolean;
  notices: Notice[];
}

export function openDatabase(dataDir: string, options: { now?: () => number } = {}): OpenedDatabase {
  const now = options.now ?? Date.now;
  const path = join(dataDir, DB_FILE);
  const notices: Notice[] = [];
  for (let tries = 0; tries < 2; tries++) {
    try {
      mkdirSync(dataDir, { recursive: true });
      return { db: openFile(path), path, persistent: true, notices };
    } catch (error) {
      if (isCorruption(error) && tries === 0) {
        const aside = moveAside(path, now());
        notices.push({
          id: 'storage.damaged',
          level: 'warning',
          text: `${DB_FILE} was damaged, so Switchboard moved it to ${basename(aside)} and started a fresh database. Nothing was deleted.`,
        });
        continue;
      }
      notices.push({ id: 'storage.unavailable', level: 'error', text: unavailableWords(path, error) });
      break;
    }
  }
  const db = new Database(':memory:');
  configure(db);
  migrate(db, MIGRATIONS);
  return { db, path, persistent: false, notices };
}

function openFile(path: string): Database.Database {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    configure(db);
    // Reading the schema is where a file that is not a database, or has a damaged header, fails.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const marked = existsSync(checkMarkOf(path));
    if (marked || (existsSync(path) && statSync(path).size <= QUICK_CHECK_MAX_BYTES)) {
      const result = db.pragma('quick_check(1)', { simple: true });
      if (result !== 'ok') throw Object.assign(new Error(`quick_check: ${String(result)}`), { code: 'SQLITE_CORRUPT' });
      if (marked) rmSync(checkMarkOf(path), { force: true });
    }
    migrate(db, MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function configure(db: Database.Database): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  // In WAL, NORMAL cannot corrupt the database; a power cut may lose the last commits, never older ones.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
}

/** Renames the database and its WAL companions to `switchboard.db.damaged-<time>`. */
function moveAside(path: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const aside = `${path}.damaged-${stamp}`;
  rmSync(checkMarkOf(path), { force: true });
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  return aside;
}

function unavailableWords(path: string, error: unknown): string {
  const reason = error instanceof NewerSchemaError ? error.message : reasonOf(error);
  return `Switchboard cannot use ${path} (${reason}). Conversations are kept in memory only until you quit.`;
}
