import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, EVENT_CHANNEL, callChannel } from '../../shared/contract/index.js';
import type { Bridge } from '../../shared/contract/bridge.js';
import { createIpcTransport } from '../../renderer/src/client/ipc-transport.js';

vi.mock('electron', () => import('./stand-in-electron.js'));

describe('preload', () => {
  let recorded: typeof import('./stand-in-electron.js').recorded;
  let ipcRenderer: typeof import('./stand-in-electron.js').ipcRenderer;
  let bridge: Bridge;

  beforeAll(async () => {
    ({ recorded, ipcRenderer } = await import('./stand-in-electron.js'));
    await import('../../electron/preload/index.js');
    bridge = recorded.exposed.get('switchboard') as Bridge;
  });

  it('exposes exactly the contract, under one name', () => {
    expect([...recorded.exposed.keys()]).toEqual(['switchboard']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent']);
    expect(Object.keys(bridge.call).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('sends each call on its own channel with the input untouched', async () => {
    await bridge.call['chat.cancel']({ messageId: 'm1' });
    expect(recorded.invoked.at(-1)).toEqual({ channel: callChannel('chat.cancel'), args: [{ messageId: 'm1' }] });
  });

  it('delivers every contract event through one IPC listener, and stops after unsubscribe', () => {
    const seen: unknown[] = [];
    const before = ipcRenderer.listenerCount(EVENT_CHANNEL);
    const off = createIpcTransport(bridge).subscribe((name, p) => seen.push([name, p]));
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(before + 1);
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'chat.delta', { conversationId: 'c', messageId: 'm', text: 'hi' });
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'chat.done', { message: {} });
    off();
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(before);
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'chat.delta', { conversationId: 'c', messageId: 'm', text: 'again' });
    expect(seen).toEqual([
      ['chat.delta', { conversationId: 'c', messageId: 'm', text: 'hi' }],
      ['chat.done', { message: {} }],
    ]);
  });

  it('passes on no name outside the contract', () => {
    const seen: unknown[] = [];
    const off = bridge.onEvent((name) => seen.push(name));
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'not.an.event', {});
    off();
    expect(seen).toEqual([]);
  });
});
