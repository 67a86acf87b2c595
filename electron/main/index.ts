/**
 * The Electron host: the only place (with window.ts, ipc.ts and the preload) that
 * imports electron. It builds the same core the headless host and CLI use, binds
 * the contract to IPC, and opens one secure window.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, shell } from 'electron';
import { createCore, type Core } from './core/app-core.js';
import { createElectronStoreBacking } from './electron-store-backing.js';
import { bindContract, forwardEvents } from './ipc.js';
import { rendererFileIn } from './trusted-frame.js';
import { createMainWindow } from './window.js';
import { checkWebUrl } from '../../shared/web-url.js';

const rendererDevUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const outDir = join(import.meta.dirname, '..');

/** Every way a link leaves the app (a click in an answer, a window.open) passes the same check. */
async function openExternal(url: string): Promise<void> {
  const checked = checkWebUrl(url);
  if (checked) await shell.openExternal(checked);
}

function openWindow(): BrowserWindow {
  return createMainWindow({
    BrowserWindow,
    openExternal,
    outDir,
    rendererDevUrl,
    iconPath: join(outDir, '..', 'resources', 'icon.png'),
  });
}

export async function startDesktop(): Promise<Core> {
  const dataDir = app.getPath('userData');
  const core = await createCore({
    host: 'electron',
    dataDir,
    version: app.getVersion(),
    settingsBacking: await createElectronStoreBacking(dataDir),
    online: () => net.isOnline(),
    openExternal,
  });
  bindContract(ipcMain, core.handlers, { rendererFile: rendererFileIn(outDir), devUrl: rendererDevUrl });
  forwardEvents(core.events, () => BrowserWindow.getAllWindows());
  openWindow();
  return core;
}

/** Settles once the app is up (or has given up); tests of the Electron layer wait on it. */
export let ready: Promise<void> = Promise.resolve();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | undefined;
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    // Let streams in flight be stored and cooldowns reach disk before the process ends.
    if (closing || !core) return;
    closing = true;
    event.preventDefault();
    void core.close().finally(() => app.quit());
  });
  ready = app
    .whenReady()
    .then(async () => {
      core = await startDesktop();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Switchboard could not start', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
