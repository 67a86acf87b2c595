/**
 * What persists the settings object. The CLI and headless host use `conf`; the
 * Electron host passes an `electron-store` with the same file name and folder,
 * so all three read and write the same `settings.json`.
 */
import { join } from 'node:path';
import Conf from 'conf';

/** The part of a `conf` / `electron-store` instance the settings store uses. */
export interface SettingsDocument {
  get store(): Record<string, unknown>;
  set store(value: Record<string, unknown>);
}

export interface SettingsBacking {
  /** The JSON file, read and repaired before `open()` (conf throws on a file it cannot parse). */
  readonly file: string;
  open(): SettingsDocument;
}

export const SETTINGS_FILE_NAME = 'settings';

export function createConfBacking(dataDir: string): SettingsBacking {
  return {
    file: join(dataDir, `${SETTINGS_FILE_NAME}.json`),
    open: () =>
      new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_FILE_NAME, projectName: 'switchboard' }),
  };
}

/** Keeps settings for this run only: for tests, and when the data folder cannot be written. */
export function createMemoryDocument(initial: Record<string, unknown> = {}): SettingsDocument {
  let value = structuredClone(initial);
  return {
    get store() {
      return structuredClone(value);
    },
    set store(next) {
      value = structuredClone(next);
    },
  };
}
