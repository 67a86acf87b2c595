/**
 * SQLite's failures in words a user understands. A write that fails for a full
 * or read-only disk, or a database another program holds locked, must say so
 * and what to do, never "SQLITE_FULL" or a stack trace.
 */
import { writeFileSync } from 'node:fs';

export type StorageProblem = 'full' | 'read_only' | 'locked' | 'damaged' | 'unavailable';

const MARK = Symbol.for('switchboard.StorageError');

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly [MARK] = true;
  constructor(
    readonly problem: StorageProblem,
    message: string,
  ) {
    super(message);
  }
  static is(value: unknown): value is StorageError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARK] === true;
  }
}

/** The SQLite result code of an error from better-sqlite3, e.g. `SQLITE_BUSY`, or undefined. */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

export function isCorruption(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export function problemOf(error: unknown): StorageProblem | undefined {
  const code = sqliteCode(error);
  // A broken constraint is a bug or a race in the caller, not the disk: it keeps its own message.
  if (!code || code.startsWith('SQLITE_CONSTRAINT')) return undefined;
  if (code.startsWith('SQLITE_FULL') || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR_FSYNC') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_CANTOPEN')) return 'read_only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (isCorruption(error)) return 'damaged';
  return 'unavailable';
}

const WORDS: Record<StorageProblem, string> = {
  full: 'the disk is full: free some space and try again',
  read_only: 'its folder or file is read-only: make it writable and try again',
  locked: 'another program is holding it locked: close that program (a database browser, a backup or sync tool) and try again',
  damaged: 'the file is damaged: restart Switchboard to set it aside and start a fresh one',
  unavailable: 'the disk reported an error',
};

/** Why a database operation failed, in words, e.g. "the disk is full: free some space and try again". */
export function reasonOf(error: unknown): string {
  const problem = problemOf(error);
  if (!problem) return (error as Error)?.message ?? String(error);
  return problem === 'unavailable' ? `${WORDS[problem]} (${(error as Error).message})` : WORDS[problem];
}

/** The file whose presence makes the next start check the whole database, not just its schema. */
export const checkMarkOf = (dbPath: string): string => `${dbPath}.needs-check`;

/** Wraps a failed database write as a StorageError; other errors pass through unchanged. */
export function storageError(error: unknown, doing: string, file: string): unknown {
  if (StorageError.is(error)) return error;
  const problem = problemOf(error);
  if (!problem) return error;
  if (problem === 'damaged') {
    try {
      writeFileSync(checkMarkOf(file), '');
    } catch {
      // A disk that cannot take an empty file: the damage shows again at the next write.
    }
  }
  return new StorageError(problem, `Switchboard could not ${doing} in ${file}: ${reasonOf(error)}.`);
}

/** Runs a database read or write and turns SQLite's failure into words. */
export function guarded<T>(file: string, doing: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw storageError(error, doing, file);
  }
}
