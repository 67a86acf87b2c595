/**
 * Reads the settings file as raw text before `conf` sees it (conf throws on a
 * file it cannot parse), and sets broken or outdated files aside as backups.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export type RawRead =
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'not_json'; reason: string }
  | { kind: 'json'; data: unknown };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function readSettingsFile(file: string): RawRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: messageOf(error) };
  }
  try {
    // Editors on Windows may save a byte order mark, which JSON.parse rejects.
    return { kind: 'json', data: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { kind: 'not_json', reason: text.trim() === '' ? 'the file is empty' : messageOf(error) };
  }
}

/** `settings.json.corrupt-2025-01-31T09-15-00.000Z.bak`: an ISO time with `:` made safe for Windows. */
export function backupPath(file: string, label: string, now: Date): string {
  return `${file}.${label}-${now.toISOString().replace(/:/g, '-')}.bak`;
}

/** Moves an unreadable file aside byte for byte: it cannot be parsed, so nothing can be taken out of it. */
export function moveToBackup(file: string, label: string, now: Date): string {
  const target = backupPath(file, label, now);
  renameSync(file, target);
  return target;
}

/** Writes what was read (already stripped of keys) next to the file, readable by the owner only. */
export function writeBackup(file: string, label: string, now: Date, data: unknown): string {
  const target = backupPath(file, label, now);
  writeFileSync(target, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  return target;
}
