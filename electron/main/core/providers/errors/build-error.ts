/**
 * Assembles a ProviderError from a decided kind plus whatever the response told
 * us: request id, retry delay and the rate-limit snapshot. Also digs the
 * provider's own message out of the error bodies hosts actually send.
 */
import type { ErrorKind } from '../../../../../shared/errors.js';
import { ProviderError } from '../provider-error.js';
import { retryAfterMsFrom, type HeaderSource } from './header-time.js';
import { readRateLimit } from './rate-limit-headers.js';

export interface ErrorParts {
  kind: ErrorKind;
  provider: string;
  message: string;
  now: number;
  status?: number;
  headers?: HeaderSource;
  requestId?: string | null;
  cause?: unknown;
}

export function requestIdFrom(headers: HeaderSource | undefined): string | undefined {
  return headers?.get('x-request-id') ?? headers?.get('request-id') ?? undefined;
}

export function buildProviderError(parts: ErrorParts): ProviderError {
  return new ProviderError({
    kind: parts.kind,
    provider: parts.provider,
    message: parts.message,
    status: parts.status,
    requestId: parts.requestId ?? requestIdFrom(parts.headers),
    // Budget resets only mean "wait this long" when the budget is what failed.
    retryAfterMs: retryAfterMsFrom(parts.headers, parts.now, { useResets: parts.kind === 'rate_limited' }),
    rateLimit: readRateLimit(parts.headers, parts.now),
    cause: parts.cause,
  });
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Fields an error body may carry, across OpenAI, Mistral, FastAPI-based servers, Ollama and Anthropic. */
export interface BodyFacts {
  message?: string;
  type?: string;
  code?: string;
  requestId?: string;
}

export function factsFromBody(body: unknown): BodyFacts {
  const parsed = typeof body === 'string' ? safeJson(body) : body;
  const root = asRecord(parsed);
  if (!root) return typeof body === 'string' && body.trim() !== '' ? { message: body.trim().slice(0, 500) } : {};
  const inner = asRecord(root['error']);
  const details = asRecord(inner?.['details']);
  const pick = (...values: unknown[]): string | undefined => {
    for (const v of values) {
      if (typeof v === 'string' && v !== '') return v;
      if (typeof v === 'number') return String(v);
    }
    return undefined;
  };
  const detail = root['detail'];
  const detailText = Array.isArray(detail) ? JSON.stringify(detail) : detail;
  return {
    message: pick(inner?.['message'], root['error'], root['message'], detailText),
    type: pick(inner?.['type'], root['type'] !== 'error' ? root['type'] : undefined, inner?.['status']),
    code: pick(details?.['error_code'], inner?.['code'], root['code']),
    requestId: pick(root['request_id']),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
