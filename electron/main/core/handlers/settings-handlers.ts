/** Handlers for app info, settings, import and export. */
import type { settingsCalls } from '../../../../shared/contract/calls-settings.js';
import type { AppInfo } from '../../../../shared/contract/calls-settings.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import type { Settings } from '../../../../shared/settings.js';
import { exportSettings, importSettings } from '../store/settings-transfer.js';
import type { SettingsStore } from '../store/settings-store.js';
import type { Logger } from '../logging/logger.js';

type SettingsHandlers = Pick<Handlers, keyof typeof settingsCalls>;

export function settingsHandlers(deps: {
  info: () => AppInfo;
  store: SettingsStore;
  effective: () => Settings;
  log: Logger;
  openPath?: (path: string) => Promise<string>;
}): SettingsHandlers {
  return {
    'app.info': async () => deps.info(),
    'settings.get': async () => deps.effective(),
    'settings.set': async (next) => deps.store.update(next),
    'settings.export': async () => ({ json: exportSettings(deps.effective()) }),
    'settings.import': async ({ json }) => {
      const imported = importSettings(json);
      if (!imported.ok) throw imported.error;
      return deps.store.update(imported.value);
    },
    'app.openLogFolder': async () => {
      const path = deps.log.folder;
      if (!deps.openPath) return { opened: false, path };
      const failure = await deps.openPath(path);
      if (failure) throw new Error(`Could not open ${path}: ${failure}`);
      return { opened: true, path };
    },
  };
}
