/**
 * Closing or reloading the window while the page holds unsaved edits: the page's
 * beforeunload handler vetoes the unload, and Electron, unlike a browser, then
 * shows nothing and just keeps the window open. So main asks, natively, with
 * the words of the page's own leave guard.
 */
import type { BrowserWindow, MessageBoxSyncOptions } from 'electron';

export const LEAVE_QUESTION: MessageBoxSyncOptions = {
  type: 'question',
  message: 'Discard unsaved edits?',
  detail: 'Some edits in Settings are not saved. Leaving now discards them.',
  buttons: ['Keep editing', 'Discard and leave'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};
const DISCARD = 1;

/** `ask` shows the message box and returns the button clicked; it must block, as the unload waits on the answer. */
export function askBeforeLeaving(win: BrowserWindow, ask: (win: BrowserWindow, options: MessageBoxSyncOptions) => number): void {
  win.webContents.on('will-prevent-unload', (event) => {
    // Preventing this event overrides the page's veto: the window closes or reloads.
    if (ask(win, LEAVE_QUESTION) === DISCARD) event.preventDefault();
  });
}
