/** The main window, built with Electron's secure defaults made explicit. */
import { join } from 'node:path';
import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { rendererFileIn } from './trusted-frame.js';

export function secureWindowOptions(preloadPath: string, iconPath: string | undefined): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
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
      webviewTag: false,
      spellcheck: true,
    },
  };
}

export interface WindowDeps {
  BrowserWindow: typeof BrowserWindowType;
  openExternal: (url: string) => Promise<void>;
  outDir: string;
  rendererDevUrl: string | undefined;
  iconPath?: string;
}

export function createMainWindow(deps: WindowDeps): BrowserWindowType {
  const win = new deps.BrowserWindow(secureWindowOptions(join(deps.outDir, 'preload', 'index.cjs'), deps.iconPath));
  win.once('ready-to-show', () => win.show());
  // The app never opens windows of its own; links go to the user's browser, which checks them.
  win.webContents.setWindowOpenHandler(({ url }) => {
    void deps.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  if (deps.rendererDevUrl) void win.loadURL(deps.rendererDevUrl);
  else void win.loadFile(rendererFileIn(deps.outDir));
  return win;
}
