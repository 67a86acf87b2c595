import type { ProtocolModule } from './protocol.js';
import type { Exchange } from './exchange.js';
import { bearer } from './protocol.js';
import { anthropicErrorBody } from './error-bodies.js';
import { anthropicDialect } from './anthropic-chat.js';
import { serveChat } from './chat-flow.js';
import { respondJson, sendError } from './exchange.js';
import { randomBase62 } from './http-io.js';

/** "claude-sonnet-4-5" -> "Claude Sonnet 4.5". */
function displayName(id: string): string {
  return id
    .replace(/-(\d+)-(\d+)(?=$|-)/, ' $1.$2')
    .split(/[-\s]/)
    .map((word) => (word ? word[0]?.toUpperCase() + word.slice(1) : word))
    .join(' ');
}

/** The paginated model list: `limit`, then `after_id` / `before_id` cursors. */
function modelPage(ex: Exchange): unknown {
  const all = ex.state.models;
  const limit = Math.max(1, Math.min(1000, Number(ex.query.get('limit') ?? 20) || 20));
  const after = ex.query.get('after_id');
  const before = ex.query.get('before_id');
  let start = 0;
  let end = all.length;
  if (after !== null) start = all.indexOf(after) + 1;
  if (before !== null) end = Math.max(0, all.indexOf(before));
  const slice = before !== null ? all.slice(Math.max(start, end - limit), end) : all.slice(start, start + limit);
  const hasMore = before !== null ? end - limit > start : start + limit < end;
  return {
    data: slice.map((id) => ({ type: 'model', id, display_name: displayName(id), created_at: '2025-09-29T00:00:00Z' })),
    has_more: hasMore,
    first_id: slice[0] ?? null,
    last_id: slice[slice.length - 1] ?? null,
  };
}

export function anthropicProtocol(): ProtocolModule {
  return {
    routes: {
      'POST /v1/messages': { kind: 'chat', handle: (ex) => serveChat(ex, anthropicDialect) },
      'GET /v1/models': { kind: 'models', handle: (ex) => respondJson(ex, modelPage(ex)) },
    },
    errorBody: anthropicErrorBody,
    requestIdHeader: 'request-id',
    newRequestId: () => `req_011C${randomBase62(20)}`,
    authorized: (headers, key) => headers['x-api-key'] === key || bearer(headers) === key,
    publicRoutes: [],
    staticHeaders: {},
    notFound: (ex) => sendError(ex, 404, { message: 'Not Found' }),
  };
}
