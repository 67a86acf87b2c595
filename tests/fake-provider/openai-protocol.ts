import type { FakeOptions } from './types.js';
import type { ProtocolModule } from './protocol.js';
import { bearer } from './protocol.js';
import { openaiErrorBody, ollamaOpenaiErrorBody } from './error-bodies.js';
import { openaiDialect } from './openai-chat.js';
import { serveChat } from './chat-flow.js';
import { respondJson, sendError } from './exchange.js';
import { randomBase62, randomHex } from './http-io.js';

/** OpenAI chat completions, also as Groq or Ollama's /v1 layer (see `flavor`). */
export function openaiProtocol(options: FakeOptions): ProtocolModule {
  const flavor = options.flavor;
  const dialect = openaiDialect(flavor, options.prefix, options.openrouterPrice);
  const chat = { kind: 'chat' as const, handle: (ex: Parameters<typeof serveChat>[0]) => serveChat(ex, dialect) };
  const created = Math.floor(Date.now() / 1000);
  return {
    routes: {
      'POST /v1/chat/completions': chat,
      ...(options.prefix?.endpoint ? { [`POST ${options.prefix.endpoint}`]: chat } : {}),
      'GET /v1/models': {
        kind: 'models',
        handle: (ex) => respondJson(ex, {
          object: 'list',
          data: ex.state.models.map((id) => ({
            id,
            object: 'model',
            created: flavor === 'ollama-openai' ? created : 1721172741,
            owned_by: flavor === 'ollama-openai' ? 'library' : 'system',
          })),
        }),
      },
    },
    errorBody: flavor === 'ollama-openai' ? ollamaOpenaiErrorBody : openaiErrorBody,
    requestIdHeader: flavor === 'ollama-openai' ? undefined : 'x-request-id',
    newRequestId: () => (flavor === 'groq' ? `req_01${randomBase62(24).toLowerCase()}` : `req_${randomHex(32)}`),
    authorized: (headers, key) => bearer(headers) === key,
    publicRoutes: [],
    staticHeaders: flavor === undefined ? { 'openai-version': '2020-10-01', 'openai-processing-ms': '42' } : {},
    notFound: (ex, method) => sendError(ex, 404, { code: 'invalid_url', message: `Invalid URL (${method} ${ex.path})` }),
  };
}
