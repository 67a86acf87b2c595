/**
 * Every HTTP server Switchboard runs is made here, so one rule holds for all of
 * them: no request can take the process down. A handler that throws gets a 500
 * for that request alone; a request Node cannot parse gets a 400; a target that
 * is not a plain path gets a 400 before any handler sees it; a socket error on
 * an upgrade closes that socket.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseRequestTarget, type RequestTarget } from './request-target.js';

export type GuardedRequestHandler = (req: IncomingMessage, res: ServerResponse, target: RequestTarget) => void | Promise<void>;
export type GuardedUpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, target: RequestTarget) => void;

export interface GuardedServerOptions {
  onRequest: GuardedRequestHandler;
  onUpgrade?: GuardedUpgradeHandler;
  /** Where a handler's unexpected failure is reported; never the response. */
  onFault?: (error: unknown) => void;
}

const PLAIN = { 'content-type': 'text/plain; charset=utf-8' };

function fail(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, PLAIN).end(text);
}

export function createGuardedServer(options: GuardedServerOptions): Server {
  const fault = (error: unknown) => options.onFault?.(error);
  const server = createServer((req, res) => {
    const target = parseRequestTarget(req.url);
    if (!target) {
      fail(res, 400, 'Bad request target.');
      return;
    }
    try {
      const pending = options.onRequest(req, res, target);
      if (pending) {
        pending.catch((error: unknown) => {
          fault(error);
          fail(res, 500, 'Internal error.');
        });
      }
    } catch (error) {
      fault(error);
      fail(res, 500, 'Internal error.');
    }
  });
  // Malformed request lines and headers: answer if the socket still can, then drop it.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset mid-handshake emits an error on this raw socket, which nothing else listens to.
    socket.on('error', () => socket.destroy());
    const target = parseRequestTarget(req.url);
    if (!target || !options.onUpgrade) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    try {
      options.onUpgrade(req, socket, head, target);
    } catch (error) {
      fault(error);
      socket.destroy();
    }
  });
  return server;
}
