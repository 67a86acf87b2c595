/**
 * The one error taxonomy every provider failure is mapped to. The router acts on
 * the kind alone; it never parses provider messages itself.
 */
import { z } from 'zod';

export const ERROR_KINDS = [
  'auth',
  'rate_limited',
  'quota_exhausted',
  'overloaded',
  'server',
  'timeout',
  'network',
  'context_length',
  'content_filter',
  'model_not_found',
  'bad_request',
  'stream_interrupted',
  'cancelled',
  // Not a provider failure: the route had nothing left to try (no key, offline, all skipped).
  'no_target',
  // A bug in Switchboard itself, said as such rather than blamed on a provider.
  'internal',
] as const;

export const ErrorKindSchema = z.enum(ERROR_KINDS);
export type ErrorKind = z.infer<typeof ErrorKindSchema>;

/** Words a user understands, shown next to the provider's own message. */
export const ERROR_KIND_LABELS: Record<ErrorKind, string> = {
  auth: 'The API key was rejected',
  rate_limited: 'Rate limited by the provider',
  quota_exhausted: 'Quota or credit used up',
  overloaded: 'The provider is overloaded',
  server: 'The provider had a server error',
  timeout: 'The provider took too long to answer',
  network: 'Could not reach the provider',
  context_length: 'The conversation is too long for this model',
  content_filter: 'Blocked by the provider’s content filter',
  model_not_found: 'The model does not exist on this provider',
  bad_request: 'The provider rejected the request',
  stream_interrupted: 'The answer was cut off mid-stream',
  cancelled: 'Stopped',
  no_target: 'No provider could take this message',
  internal: 'Switchboard hit an internal error',
};
