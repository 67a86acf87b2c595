/**
 * One ollama-js client per operation: its fetch is fixed when it is built, and
 * each call needs its own tap (our signal, status and headers); ollama-js
 * also keeps a stream that did not finish in its client's list of ongoing ones.
 */
import { Ollama } from 'ollama';
import type { ResponseTap } from '../adapters/response-tap.js';
import { normalizeOllamaUrl } from './ollama-url.js';

export interface OllamaTarget {
  baseURL: string;
  apiKey?: string;
  headers?: Record<string, string>;
}

export function ollamaClient(target: OllamaTarget, tap: ResponseTap): Ollama {
  const headers: Record<string, string> = { ...target.headers };
  if (target.apiKey) headers['Authorization'] = `Bearer ${target.apiKey}`;
  return new Ollama({ host: normalizeOllamaUrl(target.baseURL), fetch: tap.fetch, headers });
}
