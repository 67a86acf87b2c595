/**
 * The Electron host: the only place (with window.ts, ipc.ts, leave-prompt.ts and the preload) that
 * imports electron. It builds the same core the headless host and CLI use, binds
 * the contract to IPC, and opens one secure window.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, screen, session, shell } from 'electron';
import { hostApi, type ApiHost } from '../api/api-host.js';
import { APP_PAGE_URL, registerAppScheme, serveAppScheme } from './app-protocol.js';
import { createCore, type Core } from './core/app-core.js';
import { createElectronStoreBacking } from './electron-store-backing.js';
import { bindContract, deferredHandlers, forwardEvents } from './ipc.js';
import { lockDownSession } from './session-guards.js';
import { startSmokeTest } from './smoke-test.js';
import { createUpdateService, type Question, type Updater } from './update-service.js';
import { createMainWindow } from './window.js';
import { askBeforeLeaving } from './leave-prompt.js';
import { safeExternalUrl } from './external-links.js';
import { utilityEngineLauncher } from './engine-launcher.js';

const rendererDevUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const outDir = join(import.meta.dirname, '..');
// Privileged schemes must be declared before the app is ready.
registerAppScheme(protocol);

/** Every way a link leaves the app (a click in an answer, a window.open) passes the same check. */
async function openExternal(url: string): Promise<void> {
  const checked = safeExternalUrl(url);
  if (checked) await shell.openExternal(checked);
}

function openWindow(): BrowserWindow {
  const win = createMainWindow({
    BrowserWindow,
    openExternal,
    outDir,
    rendererDevUrl,
    stateDir: app.getPath('userData'),
    workAreas: () => screen.getAllDisplays().map((d) => d.workArea),
    iconPath: join(outDir, '..', 'resources', 'icon.png'),
  });
  askBeforeLeaving(win, (w, options) => dialog.showMessageBoxSync(w, options));
  return win;
}

export async function startDesktop(): Promise<Core> {
  const dataDir = app.getPath('userData');
  serveAppScheme(protocol, join(outDir, 'renderer'));
  lockDownSession(session.defaultSession);
  const starting = createCore({
    host: 'electron',
    engineLauncher: utilityEngineLauncher(import.meta.dirname),
    dataDir,
    version: app.getVersion(),
    settingsBacking: await createElectronStoreBacking(dataDir),
    online: () => net.isOnline(),
    openExternal,
    openPath: async (path) => {
      mkdirSync(path, { recursive: true });
      return shell.openPath(path);
    },
    chooseModelFile: async () => {
      const picked = await dialog.showOpenDialog({ title: 'Choose a GGUF model', properties: ['openFile'], filters: [{ name: 'GGUF models', extensions: ['gguf'] }] });
      return picked.canceled ? undefined : picked.filePaths[0];
    },
  });
  const smoke = startSmokeTest(process.argv, (code) => app.exit(code));
  // The window opens while the core starts; its first calls wait for it.
  bindContract(ipcMain, deferredHandlers(starting), { pageUrl: APP_PAGE_URL, devUrl: rendererDevUrl }, smoke?.answered);
  const win = openWindow();
  const core = await starting;
  forwardEvents(core.events, () => BrowserWindow.getAllWindows());
  apiHost = hostApi(core);
  void apiHost.sync();
  // Only installed builds update themselves, and never during a smoke test.
  if (app.isPackaged && !smoke) {
    if (win.isVisible()) void startUpdates(core, win);
    else win.once('ready-to-show', () => void startUpdates(core, win));
  }
  return core;
}

/** The local API, while Settings → API has it on. */
let apiHost: ApiHost | undefined;

const QUESTIONS: Record<Question['kind'], { message: (v: string) => string; detail: string; yes: string }> = {
  download: { message: (v) => `Switchboard ${v} is available.`, detail: 'Download it now? You will be asked again before it is installed.', yes: 'Download' },
  install: { message: (v) => `Switchboard ${v} is ready to install.`, detail: 'Restart now to install it? Chats in progress are saved first.', yes: 'Restart and install' },
};

async function startUpdates(core: Core, win: BrowserWindow): Promise<void> {
  let updater: Updater;
  try {
    // Loaded after the window shows: nothing slow runs before it.
    updater = (await import('electron-updater')).default.autoUpdater;
  } catch (error) {
    core.log.warn(`updates unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  createUpdateService({
    updater,
    log: core.log,
    enabled: () => core.settings().updates.checkAutomatically,
    ask: async ({ kind, version }) => {
      const q = QUESTIONS[kind];
      const { response } = await dialog.showMessageBox(win, { type: 'info', message: q.message(version), detail: q.detail, buttons: [q.yes, 'Later'], defaultId: 0, cancelId: 1 });
      return response === 0;
    },
    setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  }).start();
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
  // On will-quit, not before-quit: only then have the windows closed, and one with
  // unsaved edits may have been kept open ("Keep editing"), which cancels the quit.
  app.on('will-quit', (event) => {
    // Let streams in flight be stored and cooldowns reach disk before the process ends.
    if (closing || !core) return;
    closing = true;
    event.preventDefault();
    const stopping = core;
    void Promise.resolve(apiHost?.close())
      .then(() => stopping.close())
      .finally(() => app.quit());
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
