/**
 * A stand-in for the `electron` module: records what the Electron layer asks of
 * it (windows built, IPC handlers bound, APIs exposed) so tests can check the
 * layer under plain Node, where no Electron binary can start.
 */
import { fork as forkNode } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
  schemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response> | Response>(),
  permissionRequest: undefined as ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined,
  permissionCheck: undefined as ((...args: unknown[]) => boolean) | undefined,
  devicePermission: undefined as ((...args: unknown[]) => boolean) | undefined,
  exitCode: undefined as number | undefined,
  opened: [] as string[],
  openedPaths: [] as string[],
  messageBoxes: [] as { message: string; buttons: string[] }[],
  /** Which button the next message box "clicks", by index. */
  messageBoxAnswers: [] as number[],
  /** What the next open-file dialogs return; none left means the user cancelled. */
  openDialogAnswers: [] as string[],
  openDialogs: [] as { title?: string; extensions: string[] }[],
  utilityForks: [] as { modulePath: string; serviceName?: string }[],
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
  /** What a listener did to a cancellable event, as Electron would see it. */
  fire(event: string, ...args: unknown[]): { prevented: boolean } {
    const outcome = { prevented: false };
    this.emit(event, { preventDefault: () => (outcome.prevented = true) }, ...args);
    return outcome;
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
  maximized = false;
  isDestroyed = () => false;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  isVisible = () => true;
  maximize() {
    this.maximized = true;
  }
  getNormalBounds() {
    const o = this.options as { x?: number; y?: number; width: number; height: number };
    return { x: o.x ?? 0, y: o.y ?? 0, width: o.width, height: o.height };
  }
  show() {}
  focused = 0;
  minimized = false;
  focus() {
    this.focused += 1;
  }
  restore() {
    this.minimized = false;
  }
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
  exit: (code: number) => {
    recorded.exitCode = code;
  },
});

export const protocol = {
  registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => recorded.schemes.push(...schemes),
  handle: (scheme: string, handler: (request: { url: string }) => Promise<Response> | Response) => recorded.protocolHandlers.set(scheme, handler),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: typeof recorded.permissionRequest) => (recorded.permissionRequest = handler),
    setPermissionCheckHandler: (handler: typeof recorded.permissionCheck) => (recorded.permissionCheck = handler),
    setDevicePermissionHandler: (handler: typeof recorded.devicePermission) => (recorded.devicePermission = handler),
  },
};

/** Two screens side by side; tests move windows between them. */
export const screen = {
  getAllDisplays: () => [
    { workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    { workArea: { x: 1920, y: 0, width: 1280, height: 1000 } },
  ],
};

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
  listenerCount: (channel: string) => rendererEmitter.listenerCount(channel),
};

export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api),
};

export const shell = {
  openExternal: async (url: string) => {
    recorded.opened.push(url);
  },
  openPath: async (path: string) => {
    recorded.openedPaths.push(path);
    return '';
  },
};
export const dialog = {
  showErrorBox: (title: string, content: string) => recorded.errors.push(`${title}: ${content}`),
  showMessageBox: async (...args: unknown[]) => {
    const options = args.at(-1) as { message: string; buttons: string[] };
    recorded.messageBoxes.push({ message: options.message, buttons: options.buttons });
    return { response: recorded.messageBoxAnswers.shift() ?? 1 };
  },
  showMessageBoxSync: (...args: unknown[]) => {
    const options = args.at(-1) as { message: string; buttons: string[]; cancelId?: number };
    recorded.messageBoxes.push({ message: options.message, buttons: options.buttons });
    return recorded.messageBoxAnswers.shift() ?? options.cancelId ?? 0;
  },
  showOpenDialog: async (options: { title?: string; filters?: { extensions: string[] }[] }) => {
    recorded.openDialogs.push({ title: options.title, extensions: options.filters?.flatMap((f) => f.extensions) ?? [] });
    const path = recorded.openDialogAnswers.shift();
    return { canceled: path === undefined, filePaths: path === undefined ? [] : [path] };
  },
};
export const net = { isOnline: () => true };

export default { app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, shell, dialog, net, protocol, session, screen };

/**
 * Electron's utilityProcess as its docs describe it, played by a Node child: the
 * parent posts with postMessage and hears 'message' (the value) and 'exit' (the
 * code); the child has process.parentPort, whose 'message' events carry `data`.
 */
export const utilityProcess = {
  fork: (modulePath: string, args: string[] = [], options: { serviceName?: string } = {}) => {
    recorded.utilityForks.push({ modulePath, serviceName: options.serviceName });
    const child = forkNode(fileURLToPath(new URL('./utility-process-shim.mjs', import.meta.url)), [modulePath, ...args], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const utility = Object.assign(new EventEmitter(), {
      pid: child.pid,
      postMessage: (message: unknown) => {
        if (child.connected) child.send(message as never);
      },
      kill: () => child.kill(),
    });
    child.on('message', (message) => utility.emit('message', message));
    child.on('exit', (code) => utility.emit('exit', code ?? -1));
    return utility;
  },
};
