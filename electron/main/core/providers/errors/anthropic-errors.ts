/** Maps anything `@anthropic-ai/sdk` throws to a ProviderError. */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { ProviderError } from '../provider-error.js';
import { buildProviderError, factsFromBody } from './build-error.js';
import { classifyFailure } from './classify.js';
import type { FailureContext } from './failure-context.js';
import { sdkFailure } from './sdk-failure.js';

export function anthropicFailure(error: unknown, ctx: FailureContext): ProviderError {
  if (ProviderError.is(error)) return error;
  return sdkFailure(error, ctx, { APIError, APIUserAbortError, APIConnectionTimeoutError, APIConnectionError }, (error, base) => {
    const status = typeof error.status === 'number' ? error.status : undefined;
    const body = factsFromBody(error.error);
    const message = error.apiMessage ?? body.message ?? error.message;
    const kind = classifyFailure({
      status,
      type: error.type ?? body.type,
      code: error.errorCode ?? body.code,
      message,
    });
    return buildProviderError({ ...base, kind, status, message, headers: error.headers, requestId: error.requestID ?? body.requestId });
  });
}
