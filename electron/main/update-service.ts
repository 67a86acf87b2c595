/**
 * Updates from GitHub releases through electron-updater, on the user's terms:
 * checked at start and every few hours (unless turned off in settings), and the
 * user is asked before anything is downloaded and again before it is installed.
 * Signature and checksum verification are electron-updater's defaults and are
 * never relaxed here. The updater is injected, so this is tested against a
 * real electron-updater and a fake feed on loopback.
 */
import type { Logger } from './core/logging/logger.js';

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

/** The part of electron-updater's AppUpdater this uses. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export type Question = { kind: 'download' | 'install'; version: string };

export interface UpdateDeps {
  updater: Updater;
  /** Asks the user; resolves true for yes. */
  ask: (question: Question) => Promise<boolean>;
  enabled: () => boolean;
  log: Pick<Logger, 'info' | 'warn'>;
  setInterval?: (fn: () => void, ms: number) => unknown;
}

export interface UpdateService {
  /** One check now, then every CHECK_EVERY_MS; each is skipped while updates are turned off. */
  start(): void;
  check(): Promise<void>;
}

export function createUpdateService(deps: UpdateDeps): UpdateService {
  const { updater, log } = deps;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  // One open question of each kind: a check every few hours must not stack dialogs.
  // Per kind, since "install?" comes while the download that "download?" started is still finishing.
  const asking = new Set<Question['kind']>();

  const askOnce = async (question: Question, then: () => unknown) => {
    if (asking.has(question.kind)) return;
    asking.add(question.kind);
    try {
      if (await deps.ask(question)) await then();
      else log.info(`update ${question.version}: ${question.kind} declined by the user`);
    } finally {
      asking.delete(question.kind);
    }
  };

  updater.on('update-available', (info) => {
    log.info(`update ${info.version} is available`);
    void askOnce({ kind: 'download', version: info.version }, () => updater.downloadUpdate()).catch((error: unknown) => log.warn(`update download failed: ${String(error)}`));
  });
  updater.on('update-downloaded', (info) => {
    log.info(`update ${info.version} downloaded and verified`);
    void askOnce({ kind: 'install', version: info.version }, () => updater.quitAndInstall());
  });
  updater.on('error', (error) => log.warn(`update check failed: ${error.message}`));

  const check = async () => {
    if (!deps.enabled()) return;
    try {
      await updater.checkForUpdates();
    } catch (error) {
      // Offline, or no release yet: nothing the user must hear about now.
      log.warn(`update check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return {
    start() {
      void check();
      (deps.setInterval ?? setInterval)(() => void check(), CHECK_EVERY_MS);
    },
    check,
  };
}
