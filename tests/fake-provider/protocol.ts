import type { IncomingHttpHeaders } from 'node:http';
import type { RequestKind } from './fault-queue.js';
import type { Exchange } from './exchange.js';
import type { ErrorInput } from './error-bodies.js';
import type { Headers } from './http-io.js';

export interface Route {
  kind: RequestKind;
  handle: (ex: Exchange) => Promise<void> | void;
}

/** What differs between the three servers; server.ts does the rest. */
export interface ProtocolModule {
  /** Keyed "METHOD /path". */
  routes: Record<string, Route>;
  errorBody: (input: ErrorInput) => unknown;
  /** Response header that carries the request id, if the provider sends one. */
  requestIdHeader: string | undefined;
  newRequestId: () => string;
  authorized: (headers: IncomingHttpHeaders, apiKey: string) => boolean;
  /** Routes that answer without a key (Ollama's "is it running" probe). */
  publicRoutes: string[];
  /** Fixed headers on every response. */
  staticHeaders: Headers;
  notFound: (ex: Exchange, method: string) => void;
}

export function bearer(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  return typeof value === 'string' && value.startsWith('Bearer ') ? value.slice('Bearer '.length) : undefined;
}
