import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, callChannel, type WireResult } from '../../shared/contract/index.js';

vi.mock('electron', () => import('./stand-in-electron.js'));

type Stand = typeof import('./stand-in-electron.js');

describe('Electron main process', () => {
  let stand: Stand;

  beforeAll(async () => {
    stand = await import('./stand-in-electron.js');
    const main = await import('../../electron/main/index.js');
    await main.ready;
    expect(stand.recorded.errors).toEqual([]);
  });

  it('builds the window with the secure options', () => {
    const [win] = stand.recorded.windows;
    expect(win).toBeDefined();
    const prefs = win!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win!.loaded).toBe('app://switchboard/index.html');
  });

  it('denies new windows, passing only checked http and https links to the system browser', () => {
    const [win] = stand.recorded.windows;
    stand.recorded.opened.length = 0;
    for (const url of ['https://example.com/a?b=1', 'http://example.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@evil.example/', 'vbscript:x', 'data:text/html,hi', 'https://[']) {
      expect(win!.webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(stand.recorded.opened).toEqual(['https://example.com/a?b=1', 'http://example.org/']);
  });

  it('denies navigation, redirects and webviews', () => {
    const [win] = stand.recorded.windows;
    expect(win!.webContents.fire('will-navigate', 'https://evil.example/').prevented).toBe(true);
    expect(win!.webContents.fire('will-redirect', 'https://evil.example/').prevented).toBe(true);
    expect(win!.webContents.fire('will-attach-webview', {}, {}).prevented).toBe(true);
  });

  it('serves the page from a privileged app:// scheme, never file://', async () => {
    expect(stand.recorded.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const handler = stand.recorded.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    // Nothing outside the renderer folder, and no other host, whatever the path says.
    for (const url of ['app://switchboard/../../../etc/passwd', 'app://switchboard/%2e%2e/%2e%2e/package.json', 'app://other/index.html']) {
      expect((await handler!({ url })).status, url).toBe(404);
    }
  });

  it('refuses every permission request and check', () => {
    const granted: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      stand.recorded.permissionRequest?.({}, permission, (ok) => granted.push(ok));
    }
    expect(granted).toEqual([false, false, false, false, false]);
    expect(stand.recorded.permissionCheck?.({}, 'media', 'app://switchboard', {})).toBe(false);
    expect(stand.recorded.devicePermission?.({ deviceType: 'hid' })).toBe(false);
  });

  it('binds every contract call, and nothing else', () => {
    expect([...stand.recorded.handlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
  });

  it('answers a call from the app page, validating its input', async () => {
    const [win] = stand.recorded.windows;
    const event = { sender: win!.webContents, senderFrame: win!.webContents.mainFrame };
    const list = stand.recorded.handlers.get(callChannel('conversations.list'))!;
    expect(await list(event, {})).toEqual({ ok: true, value: [] });
    const send = stand.recorded.handlers.get(callChannel('chat.send'))!;
    const bad = (await send(event, { text: '   ' })) as WireResult<unknown>;
    expect(bad).toEqual({ ok: false, error: { code: 'invalid_input', message: 'text: type a message first' } });
  });

  it('adds a .gguf model chosen in the system file picker, and a cancelled picker adds nothing', async () => {
    const { writeTinyModel } = await import('../engine/tiny-model.js');
    const [win] = stand.recorded.windows;
    const event = { sender: win!.webContents, senderFrame: win!.webContents.mainFrame };
    const call = (name: string) => stand.recorded.handlers.get(callChannel(name as never))!(event, {}) as Promise<WireResult<unknown>>;
    const before = (await call('engine.models')) as WireResult<{ canChooseFile: boolean; models: unknown[] }>;
    expect(before.ok && before.value.canChooseFile).toBe(true);
    const model = writeTinyModel();
    stand.recorded.openDialogAnswers.push(model);
    expect(await call('engine.chooseFile')).toMatchObject({ ok: true, value: { id: model, external: true } });
    expect(stand.recorded.openDialogs.at(-1)).toEqual({ title: 'Choose a GGUF model', extensions: ['gguf'] });
    expect(await call('engine.chooseFile')).toEqual({ ok: true, value: null });
    const after = (await call('engine.models')) as WireResult<{ models: { id: string }[] }>;
    expect(after.ok && after.value.models.map((m) => m.id)).toEqual([model]);
  });

  it('refuses calls from a frame that is not the app page', async () => {
    const [win] = stand.recorded.windows;
    const list = stand.recorded.handlers.get(callChannel('conversations.list'))!;
    const foreign = { sender: win!.webContents, senderFrame: { url: 'https://evil.example/' } };
    const result = (await list(foreign, {})) as WireResult<unknown>;
    expect(result.ok).toBe(false);
    // A page anyone could write, named like the app's own, is not the app's own.
    const lookalike = { sender: win!.webContents, senderFrame: { url: 'file:///tmp/evil/renderer/index.html' } };
    const own = win!.webContents.mainFrame;
    win!.webContents.mainFrame = lookalike.senderFrame;
    try {
      const refused = (await list(lookalike, {})) as WireResult<unknown>;
      expect(refused).toEqual({ ok: false, error: { code: 'failed', message: 'Call refused: unexpected frame.' } });
    } finally {
      win!.webContents.mainFrame = own;
    }
  });

  it('remembers where the window was when it closes', async () => {
    const { readWindowState } = await import('../../electron/main/window-state.js');
    const [win] = stand.recorded.windows;
    win!.emit('close');
    expect(readWindowState(stand.recorded.userData)).toEqual({ bounds: { x: 0, y: 0, width: 1200, height: 800 }, maximized: false });
  });

  it('brings the first window back, restored and focused, when the app is launched a second time', () => {
    const [win] = stand.recorded.windows;
    win!.minimized = true;
    const before = win!.focused;
    stand.app.emit('second-instance', {}, ['switchboard'], '/');
    expect(win!.minimized).toBe(false);
    expect(win!.focused).toBe(before + 1);
    expect(stand.recorded.windows).toHaveLength(1);
  });

  it('asks natively when the page vetoes a reload or close over unsaved edits: "Keep editing" keeps the window, "Discard and leave" lets it go', () => {
    const [win] = stand.recorded.windows;
    stand.recorded.messageBoxes.length = 0;
    stand.recorded.messageBoxAnswers.push(0);
    expect(win!.webContents.fire('will-prevent-unload').prevented).toBe(false);
    stand.recorded.messageBoxAnswers.push(1);
    expect(win!.webContents.fire('will-prevent-unload').prevented).toBe(true);
    expect(stand.recorded.messageBoxes).toEqual([
      { message: 'Discard unsaved edits?', buttons: ['Keep editing', 'Discard and leave'] },
      { message: 'Discard unsaved edits?', buttons: ['Keep editing', 'Discard and leave'] },
    ]);
  });

  // Last: it closes the core.
  it('keeps the core running through a quit a window may still cancel, and closes it once the windows are gone', async () => {
    const [win] = stand.recorded.windows;
    const event = { sender: win!.webContents, senderFrame: win!.webContents.mainFrame };
    const list = stand.recorded.handlers.get(callChannel('conversations.list'))!;
    const quit = (name: string) => {
      const outcome = { prevented: false };
      stand.app.emit(name, { preventDefault: () => (outcome.prevented = true) });
      return outcome.prevented;
    };
    expect(quit('before-quit')).toBe(false);
    expect(await list(event, {})).toEqual({ ok: true, value: [] });
    expect(quit('will-quit')).toBe(true);
  });
});
