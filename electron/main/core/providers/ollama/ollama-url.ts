/** What users paste as an Ollama address, made into the host ollama-js wants. */
import { DEFAULT_OLLAMA_URL } from '../../../../../shared/settings.js';

/**
 * Accepts `localhost` or `127.0.0.1`, with or without a scheme, a trailing `/`,
 * `/v1` (the OpenAI-compatible path) or `/api`. `localhost` becomes 127.0.0.1
 * because Ollama binds IPv4 only and `localhost` may resolve to ::1 first.
 */
export function normalizeOllamaUrl(input: string | undefined): string {
  let text = (input ?? '').trim();
  if (text === '') return DEFAULT_OLLAMA_URL;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `http://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text.replace(/\/+$/, '');
  }
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(v1|api)$/i, '').replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}
