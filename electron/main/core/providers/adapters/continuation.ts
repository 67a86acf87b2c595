/**
 * Continuing an answer another attempt began, in the way the host supports:
 * a prefill (`native`), a prefill flagged `prefix: true` (`prefix-flag`), or the
 * partial answer followed by a request in words to carry on (`none`). Only the
 * wire is decided here; the router removes any text the model repeats.
 */
import type { ContinuationMethod } from '../../../../../shared/chat.js';
import { presetForProvider } from '../catalog/catalog.js';
import type { AdapterConfig, ChatTurn } from '../types.js';

/** For hosts without prefill: the model sees its cut answer, then this. */
export const CONTINUE_IN_WORDS =
  'Your previous answer was cut off. Continue it from exactly where it stops, mid-word or mid-sentence if need be. ' +
  'Do not repeat any of it, and write nothing before the continuation.';

export interface Continuation {
  messages: ChatTurn[];
  /** The last message is a prefill the reply goes on from. */
  prefill: boolean;
  /** Drops text the model repeats from the prefill's stripped tail; identity otherwise. */
  fresh: (text: string) => string;
}

/** The catalog's word for a configured host; without a preset, what its protocol does. */
export function continuationOf(config: Pick<AdapterConfig, 'id' | 'kind' | 'preset' | 'baseURL'>): ContinuationMethod {
  const preset = presetForProvider(config);
  if (preset && preset.kind === config.kind) return preset.continuation;
  return config.kind === 'anthropic' || config.kind === 'ollama' ? 'native' : 'none';
}

/**
 * `stripTrailingSpace`: Anthropic rejects a final assistant turn ending in
 * whitespace, so the tail is cut from the prefill and, if the model writes it
 * again, from the first new text.
 */
export function withContinuation(
  messages: ChatTurn[],
  continueFrom: string | undefined,
  method: ContinuationMethod,
  stripTrailingSpace = false,
): Continuation {
  const same = { messages, prefill: false, fresh: (t: string) => t };
  if (continueFrom === undefined || continueFrom === '') return same;
  if (method === 'none') {
    return { ...same, messages: [...messages, { role: 'assistant', content: continueFrom }, { role: 'user', content: CONTINUE_IN_WORDS }] };
  }
  const prefill = stripTrailingSpace ? continueFrom.trimEnd() : continueFrom;
  if (prefill === '') return same;
  let pending = continueFrom.slice(prefill.length);
  const fresh = (text: string): string => {
    if (pending === '') return text;
    let i = 0;
    while (i < text.length && i < pending.length && text[i] === pending[i]) i += 1;
    const rest = text.slice(i);
    pending = i === text.length ? pending.slice(i) : '';
    return rest;
  };
  return { messages: [...messages, { role: 'assistant', content: prefill }], prefill: true, fresh };
}
