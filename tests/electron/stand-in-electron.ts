/**
 * A stand-in for the `electron` module: records what the Electron layer asks of
 * it (windows built, IPC handlers bound, APIs exposed) so tests can check the
 * layer under plain Node, where no Electron binary can start.
 */
import { pathToFileURL } from 'node:url';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export const recorded = {
  windows: [] as FakeBrowserWindow[],
  handlers: new Map<string, Handler>(),
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; args: unknown[] }[],
  errors: [] as string[],
  userData: mkdtempSync(join(tmpdir(), 'sb-electron-')),
};

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: unknown[][] = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  mainFrame = { url: '' };
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows = () => recorded.windows;
  readonly webContents = new FakeWebContents();
  loaded: string | undefined;
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  async loadFile(file: string) {
    this.loaded = pathToFileURL(file).href;
    this.webContents.mainFrame.url = this.loaded;
  }
  async loadURL(url: string) {
    this.loaded = url;
    this.webContents.mainFrame.url = url;
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  show() {}
  focus() {}
  restore() {}
}

const appEmitter = new EventEmitter();
export const app = Object.assign(appEmitter, {
  isPackaged: true,
  getPath: (name: string) => (name === 'userData' ? recorded.userData : tmpdir()),
  getVersion: () => '0.0.0-test',
  getName: () => 'Switchboard',
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit: () => {},
});

export const BrowserWindow = FakeBrowserWindow;

export const ipcMain = {
  handle: (channel: string, handler: Handler) => recorded.handlers.set(channel, handler),
  removeHandler: (channel: string) => recorded.handlers.delete(channel),
};

const rendererEmitter = new EventEmitter();
export const ipcRenderer = {
  invoke: async (channel: string, ...args: unknown[]) => {
    recorded.invoked.push({ channel, args });
    return { ok: true, value: null };
  },
  on: (channel: string, listener: (...args: unknown[]) => void) => rendererEmitter.on(channel, listener),
  removeListener: (channel: string, listener: (...args: unknown[]) => void) => rendererEmitter.removeListener(channel, listener),
  emit: (channel: string, ...args: unknown[]) => rendererEmitter.emit(channel, ...args),
};

export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api),
};

export const shell = { openExternal: async () => {} };
export const dialog = {
  showErrorBox: (title: string, content: string) => recorded.errors.push(`${title}: ${content}`),
};
export const net = { isOnline: () => true };

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, shell, dialog, net };
