/**
 * Notices when a provider's key changed outside the app (a new environment
 * variable, a keychain edit) so a key the router marked as rejected gets another
 * chance. Only a short one-way fingerprint is kept, never the key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Notice } from '../../../shared/contract/calls-settings.js';
import { moveToBackup } from './store/settings-file.js';

const fingerprint = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 12);

export interface KeyChangeTracker {
  /** Calls `changed` for each provider whose key differs from the one last seen (here or in an earlier run). */
  check(current: Map<string, string | undefined>, changed: (provider: string) => void): void;
}

/**
 * The file is read once: after that this process is its only writer, so memory has the last word.
 * A damaged file costs nothing but a re-tried key, so it is set aside (with a notice) rather than trusted.
 */
export function trackKeyChanges(file: string, notify: (notice: Notice) => void = () => undefined): KeyChangeTracker {
  let previous: Record<string, string> | undefined;
  return {
    check(current, changed) {
      previous ??= readFingerprints(file, notify);
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

const isFingerprints = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');

function readFingerprints(file: string, notify: (notice: Notice) => void): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {}; // Missing (a first run) or unreadable: either way there is nothing to compare with.
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (isFingerprints(parsed)) return { ...parsed };
  try {
    const backup = moveToBackup(file, 'corrupt', new Date());
    notify({ id: 'key-fingerprints.corrupt', level: 'warning', text: `${file} was damaged and was moved to ${backup}. Nothing is lost: it only records which keys changed.` });
  } catch {
    // Could not move it: the next write replaces it anyway.
  }
  return {};
}

function writeFingerprints(file: string, fingerprints: Record<string, string>): void {
  // A name of its own: the CLI and the app may write at the same moment.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(fingerprints));
    renameSync(tmp, file);
  } catch {
    // Not being able to remember fingerprints only costs a re-tried key later.
    rmSync(tmp, { force: true });
  }
}
