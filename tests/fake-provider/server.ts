import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FakeOptions, FakeProvider, Fault, RecordedChat, ReportedUsage } from './types.js';
import type { ProtocolModule } from './protocol.js';
import { FaultQueue } from './fault-queue.js';
import { pause, readJson } from './http-io.js';
import { sendError, sendStatusFault, type Exchange, type ServerState } from './exchange.js';
import { rateLimitHeaders } from './rate-limit-headers.js';
import { openaiProtocol } from './openai-protocol.js';
import { anthropicProtocol } from './anthropic-protocol.js';
import { ollamaProtocol } from './ollama-protocol.js';
import { canonicalModel } from './ollama-catalogue.js';

function protocolFor(options: FakeOptions): ProtocolModule {
  if (options.protocol === 'anthropic') return anthropicProtocol();
  if (options.protocol === 'ollama') return ollamaProtocol();
  return openaiProtocol(options);
}

function defaultModels(options: FakeOptions): string[] {
  if (options.protocol === 'anthropic') return ['claude-sonnet-4-5', 'claude-haiku-4-5'];
  if (options.protocol === 'ollama' || options.flavor === 'ollama-openai') return ['llama3.2:latest'];
  if (options.flavor === 'groq') return ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant'];
  return ['gpt-4o-mini', 'gpt-4o'];
}

function initialModels(options: FakeOptions): string[] {
  const models = options.models ?? defaultModels(options);
  const ollamaNames = options.protocol === 'ollama' || options.flavor === 'ollama-openai';
  return ollamaNames ? models.map(canonicalModel) : [...models];
}

/** Collapses duplicate and trailing slashes, as SDK base URLs ending in "/" produce them. */
function normalizePath(pathname: string): string {
  const collapsed = pathname.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export async function startFakeProvider(options: FakeOptions): Promise<FakeProvider> {
  const protocol = protocolFor(options);
  const state: ServerState = {
    options,
    chunkSize: options.chunkSize ?? 4,
    tokenDelayMs: options.tokenDelayMs ?? 0,
    strictModels: options.strictModels ?? (options.protocol === 'ollama' || options.flavor === 'ollama-openai'),
    faults: new FaultQueue(),
    requests: [],
    lastUsage: undefined,
    models: initialModels(options),
    loaded: new Set(),
    requestCount: 0,
  };
  const closing = new AbortController();
  const sockets = new Set<Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = URL.parse(req.url ?? '/', 'http://127.0.0.1');
    // Real APIs answer a target they cannot parse with a 400, as their front ends do.
    if (!url) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Request');
      return;
    }
    const method = req.method ?? 'GET';
    const path = normalizePath(url.pathname);
    const routeKey = `${method} ${path}`;
    const route = protocol.routes[routeKey];
    const left = new AbortController();
    res.on('close', () => left.abort());
    state.requestCount += 1;
    const requestId = protocol.newRequestId();
    const ex: Exchange = {
      req,
      res,
      path,
      query: url.searchParams,
      body: method === 'GET' || method === 'HEAD' ? undefined : await readJson(req),
      state,
      kind: route?.kind ?? 'other',
      fault: undefined,
      requestId,
      headers: {
        ...protocol.staticHeaders,
        ...(protocol.requestIdHeader ? { [protocol.requestIdHeader]: requestId } : {}),
        ...rateLimitHeaders(options, state.requestCount, new Date()),
        ...options.responseHeaders,
      },
      signal: AbortSignal.any([closing.signal, left.signal]),
      errorBody: protocol.errorBody,
    };
    if (!route) return protocol.notFound(ex, method);
    const needsKey = options.apiKey !== undefined && !protocol.publicRoutes.includes(routeKey);
    if (needsKey && !protocol.authorized(req.headers, options.apiKey ?? '')) return sendError(ex, 401, { code: 'invalid_api_key' });
    ex.fault = state.faults.take(ex.kind);
    // Chat routes apply these themselves, after recording the request.
    if (ex.kind !== 'chat' && ex.fault?.type === 'stall-before-headers') await pause(ex.fault.ms, ex.signal);
    if (ex.kind !== 'chat' && ex.fault?.type === 'status') return sendStatusFault(ex, ex.fault, '');
    await route.handle(ex);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!isAbort(error) && !res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake provider failed: ${String(error)}`);
        return;
      }
      // A stall cut short by the client or by close(): nothing sensible left to send.
      res.socket?.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseURL: options.protocol === 'openai' ? `${url}/v1` : url,
    port,
    script: (...faults: Fault[]) => state.faults.script(faults),
    always: (fault: Fault | undefined) => state.faults.always(fault),
    get requests(): RecordedChat[] {
      return state.requests;
    },
    get lastUsage(): ReportedUsage | undefined {
      return state.lastUsage;
    },
    get models(): readonly string[] {
      return state.models;
    },
    reset: () => {
      state.faults.reset();
      state.requests.length = 0;
      state.lastUsage = undefined;
      state.models = initialModels(options);
      state.loaded.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }),
  };
}
