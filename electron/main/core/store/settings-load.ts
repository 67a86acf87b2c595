/**
 * Loads the app's own settings file and never fails: a broken, invalid or
 * future file is set aside as a backup, the app starts with what it can use,
 * and a notice says what happened. Keys found in the file are moved out.
 */
import type { Notice } from '../../../../shared/contract/calls-settings.js';
import type { Settings } from '../../../../shared/settings.js';
import { SETTINGS_VERSION } from '../../../../shared/settings.js';
import { redact } from '../secrets/redact.js';
import { checkVersion, migrateToCurrent } from './migrations/index.js';
import { isRecord, type InlineKey, type RawSettings } from './migrations/types.js';
import { moveToBackup, readSettingsFile, writeBackup } from './settings-file.js';
import { extractInlineKeys } from './settings-inline-keys.js';
import { salvageSettings } from './settings-salvage.js';
import { validateSettings } from './settings-validate.js';

export type MoveKey = (provider: string, key: string) => Promise<void>;

export interface LoadDeps {
  now: () => Date;
  defaults: () => Settings;
  /** Receives keys found inline in the file. Without it they are dropped, with a notice. */
  moveKey?: MoveKey;
}

export interface LoadOutcome {
  settings: Settings;
  notices: Notice[];
  /** The file must be written back: it was repaired, migrated or had keys taken out. */
  rewrite: boolean;
}

const notice = (id: string, level: Notice['level'], text: string): Notice => ({ id, level, text });

async function moveKeys(keys: InlineKey[], file: string, moveKey: MoveKey | undefined): Promise<Notice[]> {
  const moved: string[] = [];
  const notices: Notice[] = [];
  const secrets = keys.map((k) => k.key);
  for (const { provider, key } of keys) {
    try {
      if (!moveKey) throw new Error('no key store was available');
      await moveKey(provider, key);
      moved.push(provider);
    } catch (error) {
      const reason = redact(error instanceof Error ? error.message : String(error), secrets);
      notices.push(
        notice(
          `settings.key-lost.${provider}`,
          'error',
          `The API key for "${provider}" was found in ${file} and removed from it, but could not be stored (${reason}). Enter it again for that provider.`,
        ),
      );
    }
  }
  if (moved.length > 0) {
    notices.unshift(
      notice(
        'settings.keys-moved',
        'info',
        `API keys for ${moved.join(', ')} were taken out of ${file} and put in Switchboard's key store; the file no longer holds them.`,
      ),
    );
  }
  return notices;
}

function resetTo(deps: LoadDeps, notices: Notice[], extra: Notice): LoadOutcome {
  return { settings: deps.defaults(), notices: [...notices, extra], rewrite: true };
}

export async function loadSettingsFile(file: string, deps: LoadDeps): Promise<LoadOutcome> {
  const read = readSettingsFile(file);
  if (read.kind === 'missing') return { settings: deps.defaults(), notices: [], rewrite: false };
  if (read.kind === 'unreadable') {
    const text = `${file} could not be read (${read.reason}). Default settings are in use and changes may not be saved.`;
    return { settings: deps.defaults(), notices: [notice('settings.unreadable', 'error', text)], rewrite: false };
  }
  if (read.kind === 'not_json') {
    const backup = moveToBackup(file, 'corrupt', deps.now());
    const text = `${file} was not valid JSON (${read.reason}). It was moved to ${backup} and default settings were loaded.`;
    return resetTo(deps, [], notice('settings.corrupt', 'warning', text));
  }

  const invalid = (notices: Notice[], original: unknown, detail: string): LoadOutcome => {
    const backup = writeBackup(file, 'corrupt', deps.now(), original);
    const text = `${file} has an invalid setting (${detail}). A copy was saved as ${backup} and default settings were loaded.`;
    return resetTo(deps, notices, notice('settings.invalid', 'warning', text));
  };

  if (!isRecord(read.data)) return invalid([], read.data, 'the file must hold a JSON object');
  // What any backup holds: the file as read, minus keys, which go to the key store instead.
  const original: RawSettings = extractInlineKeys(read.data).raw;
  const version = checkVersion(read.data);
  if (version.kind === 'invalid') return invalid([], original, version.detail);

  const keys: InlineKey[] = [];
  let raw: RawSettings = read.data;
  if (version.kind === 'older') {
    try {
      raw = migrateToCurrent(raw, version.version, { moveKey: (found) => keys.push(found) });
    } catch (error) {
      return invalid([], original, error instanceof Error ? error.message : String(error));
    }
  }
  const swept = extractInlineKeys(raw);
  keys.push(...swept.keys);
  raw = swept.raw;
  const notices = await moveKeys(keys, file, deps.moveKey);

  if (version.kind === 'newer') {
    const backup = writeBackup(file, `newer-v${version.version}`, deps.now(), original);
    const { settings, dropped } = salvageSettings(raw, deps.defaults());
    const lost = dropped.length > 0 ? ` Left out: ${dropped.join(', ')}.` : '';
    const text = `${file} was written by a newer Switchboard (settings version ${version.version}; this one reads version ${SETTINGS_VERSION}). A copy was saved as ${backup} and the parts this version understands were loaded.${lost}`;
    return { settings, notices: [...notices, notice('settings.newer', 'warning', text)], rewrite: true };
  }

  const checked = validateSettings(raw);
  if (!checked.ok) return invalid(notices, original, checked.detail);
  if (checked.problems.length > 0) {
    // A dangling reference is not worth losing the user's settings over: the router skips it and says why.
    const text = `Some settings in ${file} refer to things that do not exist: ${checked.problems.join('; ')}.`;
    notices.push(notice('settings.problems', 'warning', text));
  }
  if (version.kind === 'older') {
    const backup = writeBackup(file, `v${version.version}`, deps.now(), original);
    const text = `${file} was converted from settings version ${version.version} to ${SETTINGS_VERSION}. The old file, without keys, was saved as ${backup}.`;
    notices.push(notice('settings.migrated', 'info', text));
  }
  return { settings: checked.settings, notices, rewrite: version.kind === 'older' || keys.length > 0 };
}
