/**
 * One ollama-js client per operation: its abort() is per client, so sharing one
 * would let cancelling one request cancel all. The fetch tap ties each request to
 * our own signal instead.
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
