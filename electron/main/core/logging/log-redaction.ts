/**
 * What must never reach a log line, on top of every known key and anything
 * shaped like one (redact.ts): the values of Authorization and x-api-key
 * headers, and key-carrying query parameters (Gemini's `?key=`), whatever their shape.
 */
import { maskKey } from '../secrets/mask-key.js';
import { redact } from '../secrets/redact.js';

// `authorization: Basic …`, `"x-api-key":"…"`, `X-Goog-Api-Key=…`, in headers, JSON or prose.
const SECRET_HEADER = /\b((?:proxy-)?authorization|x-api-key|api-key|x-goog-api-key)(["']?\s*[:=]\s*["']?)(?:(Bearer|Basic|Token)\s+)?([^\s"',;}]+)/gi;
const SECRET_QUERY = /([?&](?:key|api_key|apikey|access_token|token)=)([^&\s"'#]+)/gi;

export function redactLogText(text: string, knownKeys: Iterable<string>): string {
  return redact(text, knownKeys)
    .replace(SECRET_HEADER, (_m, name: string, sep: string, scheme: string | undefined, value: string) => `${name}${sep}${scheme ? `${scheme} ` : ''}${maskKey(value)}`)
    .replace(SECRET_QUERY, (_m, prefix: string, value: string) => `${prefix}${maskKey(value)}`);
}
