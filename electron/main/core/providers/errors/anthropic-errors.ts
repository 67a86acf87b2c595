/** Maps anything `@anthropic-ai/sdk` throws to a ProviderError. */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { ProviderError } from '../provider-error.js';
import { buildProviderError, factsFromBody } from './build-error.js';
import { classifyFailure } from './classify.js';
import type { FailureContext } from './failure-context.js';
import { classifyTransport, isAbortLike, transportMessage } from './transport.js';

export function anthropicFailure(error: unknown, ctx: FailureContext): ProviderError {
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
    const body = factsFromBody(error.error);
    const message = error.apiMessage ?? body.message ?? error.message;
    const kind = classifyFailure({
      status,
      type: error.type ?? body.type,
      code: error.errorCode ?? body.code,
      message,
      midStream: status === undefined,
    });
    const headers = error.headers ?? ctx.response?.headers;
    return buildProviderError({ ...base, kind, status, message, headers, requestId: error.requestID ?? body.requestId });
  }
  if (error instanceof SyntaxError) {
    return buildProviderError({ ...base, kind: 'stream_interrupted', message: `Malformed response: ${error.message}` });
  }
  const kind = classifyTransport(error, ctx.afterHeaders);
  return buildProviderError({ ...base, kind, message: transportMessage(error), headers: ctx.response?.headers });
}
