import type { ProtocolModule } from './protocol.js';
import type { Exchange } from './exchange.js';
import { bearer } from './protocol.js';
import { ollamaErrorBody } from './error-bodies.js';
import { ollamaDialect } from './ollama-chat.js';
import { serveChat } from './chat-flow.js';
import { respondJson } from './exchange.js';
import { modelDetails, modelDigest, modelSize, tagEntry } from './ollama-catalogue.js';
import { serveDelete, servePull } from './ollama-admin.js';

const VERSION = '0.12.6';

function running(ex: Exchange): void {
  const text = 'Ollama is running';
  ex.res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(text.length) });
  ex.res.end(ex.req.method === 'HEAD' ? undefined : text);
}

function version(ex: Exchange): Promise<void> {
  return respondJson(ex, { version: VERSION });
}

function loadedModels(ex: Exchange): unknown {
  const expires = new Date(Date.now() + 5 * 60_000).toISOString();
  const models = [...ex.state.loaded].filter((name) => ex.state.models.includes(name)).map((name) => ({
    name,
    model: name,
    size: modelSize(name),
    digest: modelDigest(name),
    details: modelDetails(name),
    expires_at: expires,
    size_vram: modelSize(name),
    context_length: 4096,
  }));
  return { models };
}

export function ollamaProtocol(): ProtocolModule {
  const modifiedAt = new Date().toISOString();
  return {
    routes: {
      'GET /': { kind: 'other', handle: running },
      'HEAD /': { kind: 'other', handle: running },
      'GET /api/version': { kind: 'other', handle: version },
      'HEAD /api/version': { kind: 'other', handle: version },
      'POST /api/chat': { kind: 'chat', handle: (ex) => serveChat(ex, ollamaDialect) },
      'GET /api/tags': { kind: 'models', handle: (ex) => respondJson(ex, { models: ex.state.models.map((name) => tagEntry(name, modifiedAt)) }) },
      'GET /api/ps': { kind: 'models', handle: (ex) => respondJson(ex, loadedModels(ex)) },
      'POST /api/pull': { kind: 'other', handle: servePull },
      'DELETE /api/delete': { kind: 'other', handle: serveDelete },
    },
    errorBody: ollamaErrorBody,
    requestIdHeader: undefined,
    newRequestId: () => '',
    authorized: (headers, key) => bearer(headers) === key,
    publicRoutes: ['GET /', 'HEAD /'],
    staticHeaders: {},
    notFound: (ex) => {
      // Ollama's router answers unknown paths with Gin's plain-text 404.
      ex.res.writeHead(404, { 'content-type': 'text/plain' });
      ex.res.end('404 page not found');
    },
  };
}
