/**
 * Continuing an answer another attempt began: the partial text goes in as a
 * trailing assistant message (a prefill), and only new text is passed on.
 */
import type { ChatTurn } from '../types.js';

export interface Continuation {
  messages: ChatTurn[];
  /** Drops text the model repeats from the prefill's stripped tail; identity otherwise. */
  fresh: (text: string) => string;
}

/**
 * `stripTrailingSpace`: Anthropic rejects a final assistant turn ending in
 * whitespace, so the tail is cut from the prefill and, if the model writes it
 * again, from the first new text.
 */
export function withContinuation(messages: ChatTurn[], continueFrom: string | undefined, stripTrailingSpace = false): Continuation {
  if (continueFrom === undefined || continueFrom === '') return { messages, fresh: (t) => t };
  const prefill = stripTrailingSpace ? continueFrom.trimEnd() : continueFrom;
  let pending = continueFrom.slice(prefill.length);
  const fresh = (text: string): string => {
    if (pending === '') return text;
    let i = 0;
    while (i < text.length && i < pending.length && text[i] === pending[i]) i += 1;
    const rest = text.slice(i);
    pending = i === text.length ? pending.slice(i) : '';
    return rest;
  };
  if (prefill === '') return { messages, fresh: (t) => t };
  return { messages: [...messages, { role: 'assistant', content: prefill }], fresh };
}
