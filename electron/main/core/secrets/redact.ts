/**
 * Scrubs keys out of text bound for logs, error messages and the UI. Known keys
 * are replaced wherever they appear; anything shaped like a key or a bearer
 * token is replaced too, since provider errors sometimes echo what they got.
 */
import { maskKey } from './mask-key.js';

// Prefixes of real provider keys (OpenAI/Anthropic `sk-`, Groq `gsk_`, xAI, Perplexity, Google).
const KEY_SHAPED = /\b(?:sk-|gsk_|xai-|pplx-|AIza)[A-Za-z0-9_-]{8,}/g;
const BEARER = /\b(Bearer\s+)([A-Za-z0-9._~+/=-]{8,})/gi;
// Too short to be a key, and replacing it would garble ordinary words.
const MIN_KNOWN_KEY_LENGTH = 6;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redact(text: string, knownKeys: Iterable<string> = []): string {
  const keys = [...new Set([...knownKeys].map((k) => k.trim()))]
    .filter((k) => k.length >= MIN_KNOWN_KEY_LENGTH)
    // Longest first, so a key that contains another is replaced whole.
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const key of keys) {
    out = out.replace(new RegExp(escapeRegExp(key), 'g'), maskKey(key));
  }
  out = out.replace(BEARER, (_m, prefix: string, token: string) => `${prefix}${maskKey(token)}`);
  return out.replace(KEY_SHAPED, (token) => maskKey(token));
}
