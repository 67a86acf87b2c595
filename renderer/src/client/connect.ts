/** Picks the transport for the host the renderer finds itself in. */
import type { Bridge } from '../../../shared/contract/bridge.js';
import { createClient, type Client } from './client.js';
import { createIpcTransport } from './ipc-transport.js';
import { createWsTransport } from './ws-transport.js';

declare global {
  interface Window {
    switchboard?: Bridge;
  }
}

export function connectClient(): Client {
  if (window.switchboard) return createClient(createIpcTransport(window.switchboard));
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return createClient(createWsTransport(`${scheme}://${window.location.host}/ws?token=${encodeURIComponent(token)}`));
}
