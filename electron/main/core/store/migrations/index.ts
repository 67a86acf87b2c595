/**
 * Brings a settings object of any known version up to the current one, one
 * step per file. Add a step by writing `vN-to-vN+1.ts` and listing it here.
 */
import { SETTINGS_VERSION } from '../../../../../shared/settings.js';
import { isRecord, type Migration, type MigrationContext, type RawSettings } from './types.js';
import { v0ToV1 } from './v0-to-v1.js';

export const MIGRATIONS: readonly Migration[] = [v0ToV1];

export type VersionCheck =
  | { kind: 'current' }
  | { kind: 'older'; version: number }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid'; detail: string };

/**
 * The export format (and the CLI's `--config FILE`) has no `version`, so a file
 * without one is only old when it shows an old format's marks.
 */
function hasV0Marks(raw: RawSettings): boolean {
  const providers = Array.isArray(raw.providers) ? raw.providers : [];
  const routes = isRecord(raw.routes) ? Object.values(raw.routes) : [];
  return (
    providers.some((p) => isRecord(p) && ('apiKey' in p || 'baseUrl' in p)) ||
    routes.some((r) => typeof r === 'string' || (Array.isArray(r) && r.some((t) => typeof t === 'string'))) ||
    typeof raw.localFallback === 'string'
  );
}

export function checkVersion(raw: RawSettings): VersionCheck {
  const version = raw.version ?? (hasV0Marks(raw) ? 0 : SETTINGS_VERSION);
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
