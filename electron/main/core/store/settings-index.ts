/** Settings persistence: open the app's file or a `--config` file, import and export. */
export { openSettingsStore, createSettingsStore, type SettingsStore, type SettingsListener, type OpenSettingsOptions } from './settings-store.js';
export { openOverrideSettings } from './settings-override.js';
export { exportSettings, importSettings } from './settings-transfer.js';
export { SettingsError, type SettingsErrorKind, type SettingsResult } from './settings-error.js';
export { createConfBacking, createMemoryDocument, type SettingsBacking, type SettingsDocument } from './settings-backing.js';
export { defaultSettings } from './settings-defaults.js';
export type { MoveKey } from './settings-load.js';
