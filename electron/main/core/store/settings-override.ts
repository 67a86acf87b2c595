/**
 * `--config FILE`: settings come from that file, read-only, checked strictly.
 * A problem is returned as one SettingsError for the CLI to print in one line.
 */
import { readSettingsFile } from './settings-file.js';
import { SettingsError, type SettingsResult } from './settings-error.js';
import { parseSettingsStrict } from './settings-parse-strict.js';
import { createSettingsStore, type SettingsStore } from './settings-store.js';

export function openOverrideSettings(file: string): SettingsResult<SettingsStore> {
  const read = readSettingsFile(file);
  if (read.kind === 'missing') {
    return { ok: false, error: new SettingsError({ kind: 'missing', detail: 'no such file', file }) };
  }
  if (read.kind === 'unreadable') {
    return { ok: false, error: new SettingsError({ kind: 'unreadable', detail: `cannot be read (${read.reason})`, file }) };
  }
  if (read.kind === 'not_json') {
    return { ok: false, error: new SettingsError({ kind: 'not_json', detail: `not valid JSON (${read.reason})`, file }) };
  }
  const parsed = parseSettingsStrict(read.data, file);
  if (!parsed.ok) return parsed;
  const notices =
    parsed.value.migratedFrom === undefined
      ? []
      : [
          {
            id: 'settings.override-migrated',
            level: 'info' as const,
            text: `${file} is in the settings format of version ${parsed.value.migratedFrom}; it was converted in memory and the file was left as it is.`,
          },
        ];
  return { ok: true, value: createSettingsStore({ settings: parsed.value.settings, file, notices }) };
}
