/**
 * The settings the app runs on: loaded once (repaired or migrated as needed),
 * held in memory, validated on every update, written through the backing
 * (`conf` or `electron-store`). In `--config FILE` mode it is read-only.
 */
import type { Notice } from '../../../../shared/contract/calls-settings.js';
import { SettingsSchema, type Settings, type SettingsInput } from '../../../../shared/settings.js';
import { createMemoryDocument, type SettingsBacking, type SettingsDocument } from './settings-backing.js';
import { defaultSettings } from './settings-defaults.js';
import { SettingsError } from './settings-error.js';
import { loadSettingsFile, type MoveKey } from './settings-load.js';
import { validateStrictly } from './settings-validate.js';

export type SettingsListener = (next: Settings, previous: Settings) => void;

export interface SettingsStore {
  get(): Settings;
  /** Validates and saves the whole settings object. Throws SettingsError (`invalid`, `read_only`, `unwritable`). */
  update(next: SettingsInput): Settings;
  onChange(listener: SettingsListener): () => void;
  /** What happened on load (repairs, migrations, keys moved), for the UI to show once. */
  readonly notices: readonly Notice[];
  readonly readOnly: boolean;
  readonly file: string;
}

export interface OpenSettingsOptions {
  backing: SettingsBacking;
  moveKey?: MoveKey;
  now?: () => Date;
  defaults?: () => Settings;
}

function toRecord(settings: Settings): Record<string, unknown> {
  return JSON.parse(JSON.stringify(settings)) as Record<string, unknown>;
}

export function createSettingsStore(init: {
  settings: Settings;
  file: string;
  notices?: Notice[];
  /** Absent: read-only. */
  document?: SettingsDocument;
}): SettingsStore {
  let current = init.settings;
  const listeners = new Set<SettingsListener>();
  const document = init.document;
  return {
    file: init.file,
    notices: init.notices ?? [],
    readOnly: document === undefined,
    get: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(next) {
      if (!document) {
        const detail = `settings come from --config ${init.file} and cannot be changed here; edit that file instead`;
        throw new SettingsError({ kind: 'read_only', detail });
      }
      const checked = validateStrictly(next);
      if (!checked.ok) throw new SettingsError({ kind: 'invalid', detail: checked.detail, ...(checked.field ? { field: checked.field } : {}) });
      try {
        document.store = toRecord(checked.settings);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new SettingsError({ kind: 'unwritable', detail: `settings could not be saved (${reason})`, file: init.file });
      }
      const previous = current;
      current = checked.settings;
      for (const listener of listeners) listener(current, previous);
      return current;
    },
  };
}

export async function openSettingsStore(options: OpenSettingsOptions): Promise<SettingsStore> {
  const { backing } = options;
  const loaded = await loadSettingsFile(backing.file, {
    now: options.now ?? (() => new Date()),
    defaults: options.defaults ?? defaultSettings,
    ...(options.moveKey ? { moveKey: options.moveKey } : {}),
  });
  const notices = [...loaded.notices];
  let document: SettingsDocument;
  try {
    document = backing.open();
    if (loaded.rewrite) document.store = toRecord(SettingsSchema.parse(loaded.settings));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    notices.push({
      id: 'settings.unsaved',
      level: 'error',
      text: `Settings cannot be saved to ${backing.file} (${reason}). Changes last until you quit.`,
    });
    document = createMemoryDocument(toRecord(loaded.settings));
  }
  return createSettingsStore({ settings: loaded.settings, file: backing.file, notices, document });
}
