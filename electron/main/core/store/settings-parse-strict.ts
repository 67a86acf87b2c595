/**
 * Reads settings the user hands over on purpose (`--config FILE`, an import):
 * anything wrong is an error naming the field, never a silent reset, because
 * the user is right there to fix it. An older format is converted in memory.
 */
import { SETTINGS_VERSION, type Settings } from '../../../../shared/settings.js';
import { checkVersion, migrateToCurrent } from './migrations/index.js';
import { isRecord, type InlineKey, type RawSettings } from './migrations/types.js';
import { SettingsError, type SettingsResult } from './settings-error.js';
import { extractInlineKeys } from './settings-inline-keys.js';
import { validateStrictly } from './settings-validate.js';

export interface StrictSettings {
  settings: Settings;
  /** Set when the input was in an older format and was converted. */
  migratedFrom?: number;
}

export function parseSettingsStrict(data: unknown, file?: string): SettingsResult<StrictSettings> {
  const fail = (init: Omit<ConstructorParameters<typeof SettingsError>[0], 'file'>): SettingsResult<StrictSettings> => ({
    ok: false,
    error: new SettingsError({ ...init, ...(file ? { file } : {}) }),
  });
  if (!isRecord(data)) return fail({ kind: 'invalid', detail: 'settings must be a JSON object' });
  const version = checkVersion(data);
  if (version.kind === 'invalid') return fail({ kind: 'invalid', detail: version.detail, field: 'version' });
  if (version.kind === 'newer') {
    const detail = `version: written by a newer Switchboard (settings version ${version.version}; this one reads version ${SETTINGS_VERSION})`;
    return fail({ kind: 'newer_version', detail, field: 'version' });
  }

  const keys: InlineKey[] = [];
  let raw: RawSettings = data;
  if (version.kind === 'older') {
    try {
      raw = migrateToCurrent(raw, version.version, { moveKey: (found) => keys.push(found) });
    } catch (error) {
      return fail({ kind: 'invalid', detail: `version: ${error instanceof Error ? error.message : String(error)}`, field: 'version' });
    }
  }
  keys.push(...extractInlineKeys(raw).keys);
  const key = keys[0];
  if (key) {
    const detail = `${key.field}: API keys do not belong in a settings file; name an environment variable in apiKeyEnv or enter the key in Switchboard`;
    return fail({ kind: 'inline_key', detail, field: key.field });
  }

  const checked = validateStrictly(raw);
  if (!checked.ok) return fail({ kind: 'invalid', detail: checked.detail, ...(checked.field ? { field: checked.field } : {}) });
  const value: StrictSettings = { settings: checked.settings };
  if (version.kind === 'older') value.migratedFrom = version.version;
  return { ok: true, value };
}
