/**
 * Maps anything the `openai` SDK throws (for OpenAI and every OpenAI-compatible
 * host) to a ProviderError. Pure apart from reading the error object.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderError } from '../provider-error.js';
import { buildProviderError, factsFromBody } from './build-error.js';
import { classifyFailure } from './classify.js';
import type { FailureContext } from './failure-context.js';
import { sdkFailure } from './sdk-failure.js';

export function openAiFailure(error: unknown, ctx: FailureContext): ProviderError {
  if (ProviderError.is(error)) return error;
  return sdkFailure(error, ctx, { APIError, APIUserAbortError, APIConnectionTimeoutError, APIConnectionError }, (error, base) => {
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
    });
    return buildProviderError({ ...base, kind, status, message, headers, requestId: error.requestID });
  });
}
