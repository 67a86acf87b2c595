import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, EVENT_CHANNEL, callChannel } from '../../shared/contract/index.js';
import type { Bridge } from '../../shared/contract/bridge.js';

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
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(Object.keys(bridge.call).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('sends each call on its own channel with the input untouched', async () => {
    await bridge.call['chat.cancel']({ messageId: 'm1' });
    expect(recorded.invoked.at(-1)).toEqual({ channel: callChannel('chat.cancel'), args: [{ messageId: 'm1' }] });
  });

  it('delivers only the subscribed contract event, and stops after unsubscribe', () => {
    const seen: unknown[] = [];
    const off = bridge.on('chat.delta', (p) => seen.push(p));
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'chat.delta', { conversationId: 'c', messageId: 'm', text: 'hi' });
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'chat.done', { message: {} });
    off();
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'chat.delta', { conversationId: 'c', messageId: 'm', text: 'again' });
    expect(seen).toEqual([{ conversationId: 'c', messageId: 'm', text: 'hi' }]);
  });

  it('refuses to subscribe to a name outside the contract', () => {
    expect(() => bridge.on('not.an.event' as 'chat.delta', () => {})).toThrow(/Unknown event/);
  });
});
