/**
 * The local OpenAI- and Anthropic-compatible API: a thin host over the core's
 * router, on 127.0.0.1 only, behind the Host, Origin and token checks of
 * access.ts. Each endpoint answers, errors included, in its own format.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGuardedServer } from '../main/core/http/guarded-server.js';
import { MAX_BODY_BYTES } from './api-request.js';
import { allowedOrigin, CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, hostAllowed, presentedToken, tokenMatches } from './access.js';
import type { WireFormat } from './answer-writer.js';
import { anthropicFormat } from './anthropic-format.js';
import { parseAnthropicMessages } from './anthropic-request.js';
import { countTokens } from './count-tokens.js';
import { modelList } from './model-list.js';
import { openAiFormat } from './openai-format.js';
import { parseOpenAiChat } from './openai-request.js';
import { readJsonBody } from './read-body.js';
import { runApiChat, type ApiCore } from './run-api-chat.js';

export interface ApiServerOptions {
  core: ApiCore;
  port?: number;
  /** Read on every request, so a rotated token takes effect at once. */
  token: () => string;
  /** Origins the user allowed for browser pages; empty by default. */
  allowedOrigins: () => readonly string[];
}

export interface ApiServer {
  /** `http://127.0.0.1:PORT/v1`, what a client's base URL should be. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const isAnthropicPath = (path: string) => path === '/v1/messages' || path === '/v1/messages/count_tokens';

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const { core } = options;
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const anthropic = isAnthropicPath(path) || (path === '/v1/models' && req.headers['anthropic-version'] !== undefined);
    const format: WireFormat = anthropic ? anthropicFormat : openAiFormat;
    const cors: Record<string, string> = {};
    const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { ...cors, ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }).end(text);
    };
    const refuse = (status: number, message: string) => respond(status, format.errorBody(status, message));

    if (!hostAllowed(req.headers.host, port)) {
      refuse(403, `Switchboard's API answers only requests for 127.0.0.1:${port} or localhost:${port}.`);
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const allowed = allowedOrigin(origin, options.allowedOrigins());
      if (!allowed) {
        refuse(403, `Browser pages from ${origin} may not use Switchboard's API; allow that origin under Settings → API.`);
        return;
      }
      Object.assign(cors, { 'access-control-allow-origin': allowed, vary: 'Origin', 'access-control-expose-headers': CORS_EXPOSE_HEADERS });
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': CORS_ALLOW_HEADERS, 'access-control-max-age': '600' }).end();
        return;
      }
    }
    if (!tokenMatches(presentedToken(req.headers), options.token())) {
      refuse(401, 'Missing or wrong API token. Use the token shown in Switchboard under Settings → API, as a Bearer token or in x-api-key.');
      return;
    }

    const route = `${req.method ?? ''} ${path}`;
    if (route === 'GET /v1/models') {
      respond(200, modelList(core, anthropic));
      return;
    }
    const parse = route === 'POST /v1/chat/completions' ? parseOpenAiChat : route === 'POST /v1/messages' ? parseAnthropicMessages : undefined;
    if (!parse && route !== 'POST /v1/messages/count_tokens') {
      refuse(404, `Switchboard's API has no ${route}. It serves GET /v1/models, POST /v1/chat/completions, POST /v1/messages and POST /v1/messages/count_tokens.`);
      return;
    }
    const body = await readJsonBody(req, MAX_BODY_BYTES);
    if (!body.ok) {
      refuse(body.status ?? 400, body.message);
      return;
    }
    const chat = parse ? parse(body.value) : parseAnthropicMessages(body.value, false);
    if (!chat.ok) {
      respond(400, format.errorBody(400, chat.message, chat.param));
      return;
    }
    if (!parse) {
      respond(200, { input_tokens: countTokens(chat.value) });
      return;
    }
    await runApiChat(core, format, chat.value, req, res, respond);
  };

  const server = createGuardedServer({ onRequest: (req, res, target) => handle(req, res, target.pathname) });
  // Streams can be long; a slow answer must not be cut by Node's request timeout.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
