/**
 * Brings a settings object of any known version up to the current one, one
 * step per file. Add a step by writing `vN-to-vN+1.ts` and listing it here.
 */
import { SETTINGS_VERSION } from '../../../../../shared/settings.js';
import type { Migration, MigrationContext, RawSettings } from './types.js';
import { v0ToV1 } from './v0-to-v1.js';

export const MIGRATIONS: readonly Migration[] = [v0ToV1];

export type VersionCheck =
  | { kind: 'current' }
  | { kind: 'older'; version: number }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; detail: string };

export function checkVersion(raw: RawSettings): VersionCheck {
  // Files from before versioning have no `version` at all.
  const version = raw.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { kind: 'invalid', detail: 'version: must be a whole number such as 1' };
  }
  if (version === SETTINGS_VERSION) return { kind: 'current' };
  return version > SETTINGS_VERSION ? { kind: 'newer', version } : { kind: 'older', version };
}

export function migrateToCurrent(raw: RawSettings, fromVersion: number, context: MigrationContext): RawSettings {
  let out = raw;
  for (let version = fromVersion; version < SETTINGS_VERSION; version += 1) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new Error(`no migration from settings version ${version}`);
    out = step.migrate(out, context);
  }
  return out;
}
