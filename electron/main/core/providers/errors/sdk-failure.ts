/**
 * The part of failure mapping that `openai` and `@anthropic-ai/sdk` share: both
 * are generated from one template, with the same error classes under their own
 * names. Only what an API error's body means differs, and that stays in each
 * family's mapper (`describeApiError`).
 */
import type { ProviderError } from '../provider-error.js';
import { buildProviderError } from './build-error.js';
import type { FailureContext } from './failure-context.js';
import { classifyTransport, isAbortLike, transportMessage } from './transport.js';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface SdkErrorClasses<A extends Error> {
  APIError: abstract new (...args: never[]) => A;
  APIUserAbortError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
  APIConnectionError: ErrorClass;
}

export function sdkFailure<A extends Error>(
  error: unknown,
  ctx: FailureContext,
  sdk: SdkErrorClasses<A>,
  describeApiError: (error: A, base: { provider: string; now: number; cause: unknown }) => ProviderError,
): ProviderError {
  const base = { provider: ctx.provider, now: ctx.now, cause: error };
  if (error instanceof sdk.APIUserAbortError || (!(error instanceof sdk.APIError) && isAbortLike(error))) {
    return buildProviderError({ ...base, kind: 'cancelled', message: 'The request was cancelled' });
  }
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return buildProviderError({ ...base, kind: 'timeout', message: 'The SDK timed out waiting for the provider' });
  }
  if (error instanceof sdk.APIConnectionError) {
    const cause = (error as { cause?: unknown }).cause ?? error;
    return buildProviderError({ ...base, kind: classifyTransport(cause, ctx.afterHeaders), message: transportMessage(cause) });
  }
  if (error instanceof sdk.APIError) return describeApiError(error, base);
  if (error instanceof SyntaxError) {
    return buildProviderError({ ...base, kind: 'stream_interrupted', message: `Malformed response: ${error.message}` });
  }
  // The SDK wraps every failure to get a response in its own classes above, so
  // this one came from reading a body whose headers had arrived: a cut answer.
  return buildProviderError({ ...base, kind: 'stream_interrupted', message: transportMessage(error) });
}
