/** Server-sent events on a response, with the headers a stream needs and nothing buffered in between. */
import type { ServerResponse } from 'node:http';

export function openSse(res: ServerResponse, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
}

export function sseData(res: ServerResponse, payload: unknown, event?: string): void {
  if (res.writableEnded || res.destroyed) return;
  res.write(`${event ? `event: ${event}\n` : ''}data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
}
