/**
 * Keeps the router snapshot in one JSON file. Writes go to a temporary file that
 * is then renamed over the old one, so a crash mid-write leaves the previous
 * snapshot intact rather than half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RouterSnapshot, RouterStateStore } from './state.js';

export function createFileStateStore(path: string): RouterStateStore {
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
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(snapshot), 'utf8');
      renameSync(tmp, path);
    },
  };
}
