/**
 * The headless host: serves the built renderer and the same contract over a
 * WebSocket, on 127.0.0.1 only, behind a random per-launch token. The renderer
 * runs unchanged; only its transport differs.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { WsClientMessage, WsServerMessage } from '../../shared/contract/bridge.js';
import type { Handlers } from '../../shared/contract/index.js';
import { dispatchCall } from '../main/core/dispatch.js';
import { createGuardedServer } from '../main/core/http/guarded-server.js';
import { createDeltaCoalescer } from '../main/core/events/delta-coalescer.js';
import type { EventBus } from '../main/core/events/event-bus.js';
import { resolveStaticPath, sendFile } from './static-files.js';

export interface WebHostOptions {
  handlers: Handlers;
  events: EventBus;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/**
 * What one connection may have queued and unread. A client that stops reading
 * while asking for large results would otherwise grow the host without bound;
 * past this it is dropped (the renderer reconnects and re-asks on its own).
 */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const tokenOk = (candidate: string | null) => {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  // Guards against DNS rebinding: a page on another name pointing at 127.0.0.1.
  const hostOk = (req: IncomingMessage) => allowedHosts().includes(req.headers.host ?? '');

  const server = createGuardedServer({
    onRequest: (req, res, target) => {
      if (!hostOk(req)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden host.');
        return;
      }
      // `target.pathname` is decoded and normalised, so `/%69ndex.html` is gated too.
      if (target.pathname === '/' || target.pathname === '/index.html') {
        if (!tokenOk(target.query.get('token'))) {
          res
            .writeHead(401, { 'content-type': 'text/plain; charset=utf-8' })
            .end('Open the full link that `npm run web` printed; it carries this launch\'s access token.');
          return;
        }
      }
      const file = resolveStaticPath(options.rendererDir, target.pathname);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.');
        return;
      }
      sendFile(res, file);
    },
    onUpgrade: (req, socket, head, target) => {
      const origin = req.headers.origin;
      const originOk = origin === undefined || allowedHosts().some((h) => origin === `http://${h}`);
      if (target.pathname !== '/ws' || !hostOk(req) || !originOk || !tokenOk(target.query.get('token'))) {
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, nextConnectionId++));
    },
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  let nextConnectionId = 1;

  function serveConnection(ws: WebSocket, senderId: number): void {
    const send = (message: WsServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.terminate();
        return;
      }
      ws.send(JSON.stringify(message));
    };
    // Oversized, unmasked or non-UTF-8 frames end here: ws closes the socket with
    // the right code, and without a listener the error would kill the host.
    ws.on('error', () => ws.terminate());
    const coalescer = createDeltaCoalescer((name, payload) => send({ type: 'event', name, payload }));
    const unsubscribe = options.events.subscribe(coalescer.push);
    ws.on('message', (data) => {
      let message: WsClientMessage;
      try {
        message = JSON.parse(String(data)) as WsClientMessage;
      } catch {
        return; // Not ours to answer: a well-behaved client only sends JSON.
      }
      if (message?.type !== 'call' || typeof message.id !== 'number') return;
      void dispatchCall(options.handlers, message.name, message.input, { senderId }).then(
        (result) => send({ type: 'result', id: message.id, result }),
        () => send({ type: 'result', id: message.id, result: { ok: false, error: { code: 'failed', message: 'The call failed.' } } }),
      );
    });
    ws.on('close', () => {
      unsubscribe();
      coalescer.dispose();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
