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
    expect(win!.loaded).toMatch(/renderer[\\/]index\.html$/);
  });

  it('denies new windows from the page', () => {
    const [win] = stand.recorded.windows;
    expect(win!.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
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
});
