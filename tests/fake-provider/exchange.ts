import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, FakeOptions, RecordedChat, ReportedUsage } from './types.js';
import type { FaultQueue, RequestKind } from './fault-queue.js';
import type { ErrorInput } from './error-bodies.js';
import { pause, sendJson, writeFlushed, type Headers } from './http-io.js';

/** Mutable state of one fake server, shared by all its routes. */
export interface ServerState {
  options: FakeOptions;
  chunkSize: number;
  tokenDelayMs: number;
  strictModels: boolean;
  faults: FaultQueue;
  requests: RecordedChat[];
  lastUsage: ReportedUsage | undefined;
  /** Installed models, in list order (Ollama pull and delete change it). */
  models: string[];
  /** Ollama models that have answered a chat, for /api/ps. */
  loaded: Set<string>;
  requestCount: number;
}

/** One request as a route sees it. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  query: URLSearchParams;
  body: unknown;
  state: ServerState;
  kind: RequestKind;
  fault: Fault | undefined;
  requestId: string;
  /** request-id and rate-limit headers every response of this request carries. */
  headers: Headers;
  /** Aborts when the client goes away or the server closes. */
  signal: AbortSignal;
  errorBody: (input: ErrorInput) => unknown;
}

export function sendError(ex: Exchange, status: number, extra: { code?: string; message?: string; model?: string; headers?: Headers } = {}): void {
  const body = ex.errorBody({ status, code: extra.code, message: extra.message, model: extra.model ?? '', requestId: ex.requestId });
  sendJson(ex.res, status, body, { ...ex.headers, ...extra.headers });
}

/** Answers a status fault with the protocol's real error body. */
export function sendStatusFault(ex: Exchange, fault: Extract<Fault, { type: 'status' }>, model: string): void {
  const headers: Headers = { ...fault.headers };
  if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = fault.retryAfterMs;
  if (fault.body) {
    ex.res.writeHead(fault.status, { ...ex.headers, ...headers, 'content-type': fault.body.contentType, 'content-length': String(Buffer.byteLength(fault.body.text)) });
    ex.res.end(fault.body.text);
    return;
  }
  sendError(ex, fault.status, { code: fault.code, message: fault.message, model, headers });
}

/**
 * A plain JSON reply (model lists, version) with the body-level faults applied:
 * stalls delay it, a cut or malformed fault sends half the JSON.
 */
export async function respondJson(ex: Exchange, body: unknown): Promise<void> {
  const fault = ex.fault;
  if (fault?.type === 'stall-before-first-token' || fault?.type === 'stall-mid-stream') await pause(fault.ms, ex.signal);
  if (fault?.type === 'slow-tokens') await pause(fault.delayMs, ex.signal);
  const text = JSON.stringify(body);
  if (fault?.type === 'cut-connection' || fault?.type === 'malformed-chunk') {
    const half = text.slice(0, Math.floor(text.length / 2));
    const length = fault.type === 'cut-connection' ? text : half;
    ex.res.writeHead(200, { ...ex.headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(length)) });
    await writeFlushed(ex.res, half);
    if (fault.type === 'cut-connection') ex.res.socket?.destroy();
    else ex.res.end();
    return;
  }
  sendJson(ex.res, 200, body, ex.headers);
}
