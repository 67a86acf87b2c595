/**
 * Maps anything the `openai` SDK throws (for OpenAI and every OpenAI-compatible
 * host) to a ProviderError. Pure apart from reading the error object.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderError } from '../provider-error.js';
import { buildProviderError, factsFromBody } from './build-error.js';
import { classifyFailure } from './classify.js';
import type { FailureContext } from './failure-context.js';
import { classifyTransport, isAbortLike, transportMessage } from './transport.js';

export function openAiFailure(error: unknown, ctx: FailureContext): ProviderError {
  if (ProviderError.is(error)) return error;
  const base = { provider: ctx.provider, now: ctx.now, cause: error };
  if (error instanceof APIUserAbortError || (!(error instanceof APIError) && isAbortLike(error))) {
    return buildProviderError({ ...base, kind: 'cancelled', message: 'The request was cancelled' });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return buildProviderError({ ...base, kind: 'timeout', message: 'The SDK timed out waiting for the provider' });
  }
  if (error instanceof APIConnectionError) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    return buildProviderError({ ...base, kind: classifyTransport(cause, ctx.afterHeaders), message: transportMessage(cause) });
  }
  if (error instanceof APIError) {
    const status = typeof error.status === 'number' ? error.status : undefined;
    const headers = error.headers ?? ctx.response?.headers;
    const fromTap = status !== undefined && ctx.response?.status === status ? factsFromBody(ctx.response.errorBody) : {};
    const fromSdk = factsFromBody({ error: error.error });
    const message = fromSdk.message ?? fromTap.message ?? error.message;
    const kind = classifyFailure({
      status,
      type: error.type ?? fromTap.type,
      code: error.code ?? fromTap.code,
      message,
      midStream: status === undefined,
    });
    return buildProviderError({ ...base, kind, status, message, headers, requestId: error.requestID });
  }
  if (error instanceof SyntaxError) {
    return buildProviderError({ ...base, kind: 'stream_interrupted', message: `Malformed response: ${error.message}` });
  }
  const kind = classifyTransport(error, ctx.afterHeaders);
  return buildProviderError({ ...base, kind, message: transportMessage(error), headers: ctx.response?.headers });
}
