/**
 * Settings in the desktop app live in electron-store, in the same file and
 * schema the headless host and CLI read through conf.
 */
import { join } from 'node:path';
import { SETTINGS_FILE_NAME, type SettingsBacking } from './core/store/settings-backing.js';

export async function createElectronStoreBacking(dataDir: string): Promise<SettingsBacking> {
  const { default: Store } = await import('electron-store');
  return {
    file: join(dataDir, `${SETTINGS_FILE_NAME}.json`),
    open: () => new Store<Record<string, unknown>>({ name: SETTINGS_FILE_NAME, cwd: dataDir }),
  };
}
