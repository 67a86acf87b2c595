/**
 * Maps anything the `openai` SDK throws (for OpenAI and every OpenAI-compatible
 * host) to a ProviderError. Pure apart from reading the error object.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { ProviderError } from '../provider-error.js';
import { buildProviderError, factsFromBody, type BodyFacts } from './build-error.js';
import { classifyFailure } from './classify.js';
import type { FailureContext } from './failure-context.js';
import { sdkFailure } from './sdk-failure.js';

/**
 * What the SDK kept of an error body: a JSON body's `error` member, or the
 * whole body when it has none (FastAPI's `detail`, a bare `message`). A body
 * that is not JSON is only in the SDK's message, after the status.
 */
function keptBody(error: APIError): BodyFacts {
  if (error.error === undefined) return factsFromBody(error.message);
  const asMember = factsFromBody({ error: error.error });
  const asWhole = factsFromBody(error.error);
  return { message: asMember.message ?? asWhole.message, type: asMember.type ?? asWhole.type, code: asMember.code ?? asWhole.code };
}

export function openAiFailure(error: unknown, ctx: FailureContext): ProviderError {
  if (ProviderError.is(error)) return error;
  return sdkFailure(error, ctx, { APIError, APIUserAbortError, APIConnectionTimeoutError, APIConnectionError }, (error, base) => {
    const status = typeof error.status === 'number' ? error.status : undefined;
    const body = keptBody(error);
    const message = body.message ?? error.message;
    const kind = classifyFailure({
      status,
      type: error.type ?? body.type,
      code: error.code ?? body.code,
      message,
    });
    return buildProviderError({ ...base, kind, status, message, headers: error.headers, requestId: error.requestID });
  });
}
