/**
 * The whole preload: exactly the contract, derived from it, nothing else.
 * Every call becomes `switchboard.call[name](input)`; events arrive through
 * `switchboard.on(name, listener)` for contract event names only.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge } from '../../shared/contract/bridge.js';
import { CALL_NAMES, EVENT_CHANNEL, callChannel, isEventName } from '../../shared/contract/index.js';

const call = Object.fromEntries(
  CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(callChannel(name), input)]),
) as Bridge['call'];

const on: Bridge['on'] = (event, listener) => {
  if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`);
  const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
    if (name === event) (listener as (payload: unknown) => void)(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  };
};

const bridge: Bridge = { call, on };
contextBridge.exposeInMainWorld('switchboard', bridge);
