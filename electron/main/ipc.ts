/**
 * Binds every contract call to ipcMain and forwards core events to windows.
 * Handlers only ever see a narrow context (the window id), never the IPC event.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, EVENT_CHANNEL, callChannel, type CallContext, type Handlers, type WireResult } from '../../shared/contract/index.js';
import { dispatchCall } from './core/dispatch.js';
import { createDeltaCoalescer } from './core/events/delta-coalescer.js';
import type { EventBus } from './core/events/event-bus.js';
import { isTrustedFrameUrl, type AppPage } from './trusted-frame.js';

export function bindContract(ipcMain: IpcMain, handlers: Handlers, page: AppPage, onAnswered?: (call: string) => void): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event: IpcMainInvokeEvent, raw: unknown): Promise<WireResult<unknown>> => {
      const frame = event.senderFrame;
      const isMainFrame = frame !== null && frame === event.sender.mainFrame;
      if (!isMainFrame || !isTrustedFrameUrl(frame.url, page)) {
        return Promise.resolve({ ok: false, error: { code: 'failed', message: 'Call refused: unexpected frame.' } });
      }
      const answer = dispatchCall(handlers, name, raw, { senderId: event.sender.id });
      if (onAnswered) void answer.then(() => onAnswered(name));
      return answer;
    });
  }
}

/**
 * Handlers that wait for the core. The window opens at once and its first calls
 * are answered as soon as the core is up, so keychain reads and settings
 * migration never hold back the first paint.
 */
export function deferredHandlers(core: Promise<{ handlers: Handlers }>): Handlers {
  return Object.fromEntries(
    CALL_NAMES.map((name) => [name, async (input: never, ctx: CallContext) => ((await core).handlers[name] as (i: never, c: CallContext) => Promise<unknown>)(input, ctx)]),
  ) as unknown as Handlers;
}

/** Sends core events to every open window, streamed text at most once per frame. */
export function forwardEvents(events: EventBus, windows: () => BrowserWindow[]): () => void {
  const coalescer = createDeltaCoalescer((name, payload) => {
    for (const win of windows()) {
      if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
    }
  });
  const unsubscribe = events.subscribe(coalescer.push);
  return () => {
    unsubscribe();
    coalescer.dispose();
  };
}
