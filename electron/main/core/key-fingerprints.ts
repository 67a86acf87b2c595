/**
 * Notices when a provider's key changed outside the app (a new environment
 * variable, a keychain edit) so a key the router marked as rejected gets another
 * chance. Only a short one-way fingerprint is kept, never the key.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const fingerprint = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 12);

export function trackKeyChanges(file: string, current: Map<string, string | undefined>, changed: (provider: string) => void): void {
  let previous: Record<string, string> = {};
  try {
    if (existsSync(file)) previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    previous = {};
  }
  const next: Record<string, string> = {};
  for (const [provider, key] of current) {
    if (!key) continue;
    next[provider] = fingerprint(key);
    if (previous[provider] !== undefined && previous[provider] !== next[provider]) changed(provider);
  }
  if (JSON.stringify(next) === JSON.stringify(previous)) return;
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(next));
    renameSync(`${file}.tmp`, file);
  } catch {
    // Not being able to remember fingerprints only costs a re-tried key later.
  }
}
