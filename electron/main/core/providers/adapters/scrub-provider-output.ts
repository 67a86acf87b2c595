/**
 * Every string a provider (or a proxy in front of it) hands back can echo a key:
 * its error text, and its request-id header, which is stored with the message,
 * sent to the renderer and printed by `doctor`. Everything an adapter yields or
 * throws passes through here, so no provider-supplied string leaves it unscrubbed.
 */
import { ProviderError } from '../provider-error.js';
import type { StreamEvent } from '../types.js';

export type Scrub = (text: string) => string;

const scrubOptional = (text: string | undefined, scrub: Scrub) => (text === undefined ? undefined : scrub(text));

export function scrubProviderError(error: ProviderError, scrub: Scrub): ProviderError {
  const message = scrub(error.message);
  const requestId = scrubOptional(error.requestId, scrub);
  if (message === error.message && requestId === error.requestId) return error;
  return error.with({ message, requestId });
}

function scrubEvent(event: StreamEvent, scrub: Scrub): StreamEvent {
  if (event.type === 'text' || event.type === 'tool_call' || event.requestId === undefined) return event;
  const requestId = scrub(event.requestId);
  return requestId === event.requestId ? event : { ...event, requestId };
}

export function scrubError(error: unknown, scrub: Scrub): unknown {
  return ProviderError.is(error) ? scrubProviderError(error, scrub) : error;
}

export async function* scrubStream(events: AsyncIterable<StreamEvent>, scrub: Scrub): AsyncIterable<StreamEvent> {
  try {
    for await (const event of events) yield scrubEvent(event, scrub);
  } catch (error) {
    throw scrubError(error, scrub);
  }
}
