/**
 * Binds every contract call to ipcMain and forwards core events to windows.
 * Handlers only ever see a narrow context (the window id), never the IPC event.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, EVENT_CHANNEL, callChannel, type Handlers, type WireResult } from '../../shared/contract/index.js';
import { dispatchCall } from './core/dispatch.js';
import { createDeltaCoalescer } from './core/events/delta-coalescer.js';
import type { EventBus } from './core/events/event-bus.js';
import { isTrustedFrameUrl, type AppPage } from './trusted-frame.js';

export function bindContract(ipcMain: IpcMain, handlers: Handlers, page: AppPage): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event: IpcMainInvokeEvent, raw: unknown): Promise<WireResult<unknown>> => {
      const frame = event.senderFrame;
      const isMainFrame = frame !== null && frame === event.sender.mainFrame;
      if (!isMainFrame || !isTrustedFrameUrl(frame.url, page)) {
        return Promise.resolve({ ok: false, error: { code: 'failed', message: 'Call refused: unexpected frame.' } });
      }
      return dispatchCall(handlers, name, raw, { senderId: event.sender.id });
    });
  }
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
