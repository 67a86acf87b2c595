/**
 * Notices when a provider's key changed outside the app (a new environment
 * variable, a keychain edit) so a key the router marked as rejected gets another
 * chance. Only a short one-way fingerprint is kept, never the key.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const fingerprint = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 12);

export interface KeyChangeTracker {
  /** Calls `changed` for each provider whose key differs from the one last seen (here or in an earlier run). */
  check(current: Map<string, string | undefined>, changed: (provider: string) => void): void;
}

/** The file is read once: after that this process is its only writer, so memory has the last word. */
export function trackKeyChanges(file: string): KeyChangeTracker {
  let previous: Record<string, string> | undefined;
  return {
    check(current, changed) {
      previous ??= readFingerprints(file);
      const next: Record<string, string> = {};
      let differs = false;
      for (const [provider, key] of current) {
        if (!key) continue;
        const seen = previous[provider];
        next[provider] = fingerprint(key);
        if (seen === next[provider]) continue;
        differs = true;
        if (seen !== undefined) changed(provider);
      }
      // Compared entry by entry: the map's order follows which keychain read finished first.
      if (!differs && Object.keys(next).length === Object.keys(previous).length) return;
      previous = next;
      writeFingerprints(file, next);
    },
  };
}

function readFingerprints(file: string): Record<string, string> {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function writeFingerprints(file: string, fingerprints: Record<string, string>): void {
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(fingerprints));
    renameSync(`${file}.tmp`, file);
  } catch {
    // Not being able to remember fingerprints only costs a re-tried key later.
  }
}
