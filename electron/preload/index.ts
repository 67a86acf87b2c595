/**
 * The whole preload: exactly the contract, derived from it, nothing else.
 * Every call becomes `switchboard.call[name](input)`; every contract event
 * arrives through one listener, `switchboard.onEvent(listener)`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../../shared/contract/bridge.js';
import { CALL_NAMES, EVENT_CHANNEL, callChannel, isEventName } from '../../shared/contract/index.js';

const call = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(callChannel(name), input)]),
) as Bridge['call'];

const onEvent: Bridge['onEvent'] = (listener) => {
  const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
    // Only names the contract declares reach the page.
    if (isEventName(name)) listener(name, payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  };
};

const bridge: Bridge = { call, onEvent };
contextBridge.exposeInMainWorld('switchboard', bridge);
