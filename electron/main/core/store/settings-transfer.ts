/**
 * Settings as a JSON document, in the format `--config FILE` reads. Export
 * cannot contain a key: it is written from the parsed schema, which has no key
 * field and drops every field it does not know.
 */
import { SettingsSchema, type ProviderConfig, type Settings } from '../../../../shared/settings.js';
import { SettingsError, type SettingsResult } from './settings-error.js';
import { parseSettingsStrict } from './settings-parse-strict.js';

// Fails to compile if a key field is ever added to the provider schema.
type NoKeyField = [Extract<keyof ProviderConfig, 'apiKey' | 'key' | 'secret'>] extends [never] ? true : never;
const noKeyField: NoKeyField = true;

export function exportSettings(settings: Settings): string {
  void noKeyField;
  return `${JSON.stringify(SettingsSchema.parse(settings), null, 2)}\n`;
}

/** Parses an exported document; an error names the wrong field in one line. */
export function importSettings(json: string): SettingsResult<Settings> {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: new SettingsError({ kind: 'not_json', detail: `not valid JSON (${reason})` }) };
  }
  const parsed = parseSettingsStrict(data);
  return parsed.ok ? { ok: true, value: parsed.value.settings } : parsed;
}
