/**
 * Settings and app-level calls. Settings travel whole (validated by the shared
 * schema); import/export use the CLI `--config` format and never contain keys.
 */
import { z } from 'zod';
import { SettingsSchema } from '../settings.js';
import { defineCall } from './define.js';

export const NoticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  text: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  dataDir: z.string(),
  /** Where the rotating log files are. */
  logFolder: z.string(),
  notices: z.array(NoticeSchema),
  /** False when keys are kept in memory only because no OS keychain answered. */
  keychainAvailable: z.boolean(),
  configFile: z.string().optional(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const settingsCalls = {
  'app.info': defineCall(z.object({}).default({}), AppInfoSchema),
  'settings.get': defineCall(z.object({}).default({}), SettingsSchema),
  'settings.set': defineCall(SettingsSchema, SettingsSchema),
  'settings.export': defineCall(z.object({}).default({}), z.object({ json: z.string() })),
  'settings.import': defineCall(z.object({ json: z.string().max(5_000_000) }), SettingsSchema),
  /** Opens the log folder in the file manager where the host can (the desktop app); `opened` says whether it did. */
  'app.openLogFolder': defineCall(z.object({}).default({}), z.object({ opened: z.boolean(), path: z.string() })),
};
