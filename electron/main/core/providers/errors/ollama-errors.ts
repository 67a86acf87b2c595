/**
 * Maps what ollama-js throws to a ProviderError. ollama-js throws a
 * `ResponseError(message, status_code)` for HTTP errors and a plain Error for an
 * `{"error":…}` line or a stream without its final `done` object.
 */
import { ProviderError } from '../provider-error.js';
import { buildProviderError } from './build-error.js';
import { classifyFailure } from './classify.js';
import type { FailureContext } from './failure-context.js';
import { classifyTransport, isAbortLike, transportMessage } from './transport.js';

const NO_DONE = /did not receive done or success response/i;

function statusOf(error: unknown): number | undefined {
  if (!(error instanceof Error) || error.name !== 'ResponseError') return undefined;
  const status = (error as { status_code?: unknown }).status_code;
  return typeof status === 'number' ? status : undefined;
}

export function ollamaFailure(error: unknown, ctx: FailureContext): ProviderError {
  if (ProviderError.is(error)) return error;
  const base = { provider: ctx.provider, now: ctx.now, cause: error, headers: ctx.response?.headers };
  if (isAbortLike(error)) return buildProviderError({ ...base, kind: 'cancelled', message: 'The request was cancelled' });
  const status = statusOf(error);
  if (status !== undefined && error instanceof Error) {
    const kind = classifyFailure({ status, message: error.message });
    return buildProviderError({ ...base, kind, status, message: error.message });
  }
  const isPlainError = error instanceof Error && error.constructor === Error;
  if (isPlainError && NO_DONE.test(error.message)) {
    return buildProviderError({ ...base, kind: 'stream_interrupted', message: 'The stream ended before Ollama said it was done' });
  }
  if (isPlainError && ctx.afterHeaders) {
    // An `{"error": …}` line inside a 200 stream.
    const kind = classifyFailure({ message: error.message });
    return buildProviderError({ ...base, kind, message: error.message });
  }
  const kind = classifyTransport(error, ctx.afterHeaders);
  return buildProviderError({ ...base, kind, message: transportMessage(error) });
}
