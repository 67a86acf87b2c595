/**
 * At start, an answer still marked streaming whose process is gone was cut off
 * by a quit, a crash or a power cut: it becomes `interrupted`, with its text.
 * An answer another live process (the app, a second CLI) is still streaming is
 * left alone.
 */
import type { Database } from 'better-sqlite3';

export const INTERRUPTED_WORDS = 'Switchboard closed before this answer finished.';

export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function markInterrupted(db: Database, alive: (pid: number) => boolean = processAlive): number {
  const streaming = db.prepare("SELECT n, writer FROM messages WHERE status = 'streaming'").all() as { n: number; writer: number | null }[];
  const orphans = streaming.filter((r) => r.writer === null || r.writer === process.pid || !alive(r.writer));
  if (orphans.length === 0) return 0;
  const mark = db.prepare(
    "UPDATE messages SET status = 'interrupted', error_kind = 'stream_interrupted', error_message = ?, writer = NULL WHERE n = ? AND status = 'streaming'",
  );
  db.transaction(() => orphans.forEach((r) => mark.run(INTERRUPTED_WORDS, r.n))).immediate();
  return orphans.length;
}
