/**
 * A failed answer in one short sentence a user understands ("Ollama isn't
 * running at 127.0.0.1:11434."), from what the router recorded: the kind of
 * error and the provider the chain ended at. The provider's own words and
 * request ids stay in the details.
 */
import type { Attempt, Message } from '../../../shared/chat.js';
import { ERROR_KIND_LABELS, type ErrorKind } from '../../../shared/errors.js';
import type { ProviderView } from '../../../shared/providers.js';

type Named = Pick<ProviderView, 'id' | 'kind' | 'name' | 'baseURL'>;

/** "127.0.0.1:11434" from "http://127.0.0.1:11434/v1". */
export function hostOf(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return baseURL;
  }
}

function aboutProvider(kind: ErrorKind, attempt: Attempt, provider: Named | undefined): string {
  const ollama = provider?.kind === 'ollama';
  const name = ollama ? 'Ollama' : (provider?.name ?? attempt.provider);
  const where = provider ? ` at ${hostOf(provider.baseURL)}` : '';
  switch (kind) {
    case 'network':
      return ollama ? `Ollama isn't running${where}` : `Couldn't reach ${name}${where}`;
    case 'timeout':
      return `${name} took too long to answer`;
    case 'auth':
      return `${name} rejected the API key`;
    case 'rate_limited':
      return `${name} is limiting requests for now`;
    case 'quota_exhausted':
      return `${name}'s quota or credit is used up`;
    case 'overloaded':
      return `${name} is overloaded`;
    case 'server':
      return `${name} had an error on its side`;
    case 'model_not_found':
      return ollama ? `The model "${attempt.model}" isn't installed in Ollama` : `${name} has no model "${attempt.model}"`;
    case 'context_length':
      return `This conversation is too long for ${name}`;
    case 'content_filter':
      return `${name}'s content filter blocked this`;
    case 'bad_request':
      return `${name} refused the request`;
    case 'stream_interrupted':
      return `${name} cut the answer off`;
    default:
      return ERROR_KIND_LABELS[kind];
  }
}

export function plainError(message: Pick<Message, 'status' | 'error' | 'attempts'>, providers: readonly Named[]): string {
  if (message.status === 'interrupted') return 'Switchboard stopped while this answer was coming in; the text so far is kept.';
  const failed = (message.attempts ?? []).filter((a) => a.outcome === 'error');
  const last = failed.at(-1);
  const kind = last?.errorKind ?? message.error?.kind ?? 'internal';
  if (!last) return `${ERROR_KIND_LABELS[message.error?.kind ?? 'internal']}.`;
  const sentence = aboutProvider(kind, last, providers.find((p) => p.id === last.provider));
  const others = new Set(failed.map((a) => a.provider).filter((p) => p !== last.provider)).size;
  if (others === 0) return `${sentence}.`;
  return `${sentence}, and ${others === 1 ? 'the other provider' : `${others} other providers`} failed too.`;
}
