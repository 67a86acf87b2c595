/**
 * What the renderer keeps across reloads and restarts in this window's own
 * storage (drafts, recalled prompts, dismissed banners). Storage may be full,
 * off or missing (a locked-down profile): then nothing is kept, and nothing fails.
 */
const PREFIX = 'switchboard.';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function readSaved<T>(key: string, valid: (value: unknown) => value is T): T | undefined {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    if (raw === null || raw === undefined) return undefined;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** False when it could not be kept (storage full or off). */
export function writeSaved(key: string, value: unknown): boolean {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(PREFIX + key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function forgetSaved(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
