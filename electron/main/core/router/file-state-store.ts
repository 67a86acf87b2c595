/**
 * Keeps the router snapshot in one JSON file. Saving happens after every
 * attempt, so it must not hold up the answer: a save only marks the snapshot
 * dirty, and the serialising and writing start on the next turn of the event
 * loop, once the message is handed over. Writes are coalesced (at most one in
 * flight; the newest snapshot wins), and `flush()` waits for the last one
 * before the app or the CLI exits. Each write goes to a temporary file renamed
 * over the old one, so a crash mid-write leaves the previous snapshot intact
 * rather than half a file.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RouterSnapshot, RouterStateStore } from './state.js';

export function createFileStateStore(path: string): RouterStateStore {
  let pending: RouterSnapshot | undefined;
  let writing: Promise<void> | undefined;
  /** The folder is made once; a failed write makes it again, in case it was removed. */
  let folderReady = false;
  const tmp = `${path}.${process.pid}.tmp`;

  async function drain(): Promise<void> {
    await nextTurn();
    while (pending) {
      // Serialised now, not at save(): later changes to the same snapshot ride along.
      const text = JSON.stringify(pending);
      pending = undefined;
      try {
        if (!folderReady) await mkdir(dirname(path), { recursive: true });
        folderReady = true;
        await writeFile(tmp, text, 'utf8');
        await rename(tmp, path);
      } catch {
        // A full or read-only disk costs the memory of cooldowns, never a chat.
        folderReady = false;
      }
    }
  }

  function kick(): void {
    if (writing || !pending) return;
    writing = drain().finally(() => {
      writing = undefined;
      kick();
    });
  }

  return {
    load(): unknown {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // A damaged file must not stop the app; the router starts fresh.
        return undefined;
      }
    },
    save(snapshot: RouterSnapshot): void {
      pending = snapshot;
      kick();
    },
    async flush(): Promise<void> {
      while (writing) await writing;
    },
  };
}
