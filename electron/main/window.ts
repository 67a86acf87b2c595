/** The main window, built with Electron's secure defaults made explicit. */
import { join } from 'node:path';
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_PAGE_URL } from './app-protocol.js';
import { safeExternalUrl } from './external-links.js';
import { fitToDisplays, MIN_SIZE, readWindowState, writeWindowState, type Bounds } from './window-state.js';

export function secureWindowOptions(preloadPath: string, iconPath: string | undefined): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Switchboard',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

export interface WindowDeps {
  BrowserWindow: typeof BrowserWindowType;
  openExternal: (url: string) => Promise<void>;
  outDir: string;
  rendererDevUrl: string | undefined;
  /** Where the window's size and position are remembered. */
  stateDir: string;
  /** Today's screens' work areas, to keep a restored window on one of them. */
  workAreas: () => Bounds[];
  iconPath?: string;
}

export function createMainWindow(deps: WindowDeps): BrowserWindowType {
  const saved = readWindowState(deps.stateDir);
  const options = secureWindowOptions(join(deps.outDir, 'preload', 'index.cjs'), deps.iconPath);
  const win = new deps.BrowserWindow({ ...options, ...fitToDisplays(saved?.bounds, deps.workAreas()) });
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    writeWindowState(deps.stateDir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  });
  // The app never opens windows of its own; web links go to the user's browser once checked.
  win.webContents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe) void deps.openExternal(safe);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  if (deps.rendererDevUrl) void win.loadURL(deps.rendererDevUrl);
  else void win.loadURL(APP_PAGE_URL);
  return win;
}
