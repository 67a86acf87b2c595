/**
 * Managing local Ollama models: pull with progress, delete, and the installed
 * and loaded lists. Each call gets its own client and is bound to the caller's
 * AbortSignal through the fetch tap, so cancelling a pull closes its socket.
 */
import type { ProgressResponse } from 'ollama';
import type { Clock } from '../../clock.js';
import { realClock } from '../../clock.js';
import { reachedBody, tapFetch } from '../adapters/response-tap.js';
import { buildProviderError } from '../errors/build-error.js';
import { ollamaFailure } from '../errors/ollama-errors.js';
import { ProviderError } from '../provider-error.js';
import { STOPPED_BY_USER } from '../stream-guard.js';
import { ollamaClient, type OllamaTarget } from './ollama-client.js';

export interface OllamaCall extends OllamaTarget {
  /** Provider id used in errors; defaults to "ollama". */
  provider?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  clock?: Clock;
}

export interface InstalledModel {
  name: string;
  sizeBytes: number;
  modifiedAt?: string;
  family?: string;
  parameterSize?: string;
  quantization?: string;
}

export interface LoadedModel {
  name: string;
  sizeBytes: number;
  vramBytes?: number;
  /** When Ollama will unload it, as the server reports it. */
  expiresAt?: string;
}

export interface PullProgress {
  status: string;
  completedBytes: number;
  totalBytes: number;
  /** 0–100 over every layer seen so far; undefined before any layer reports a size. */
  percent?: number;
}

async function run<T>(call: OllamaCall, work: (client: ReturnType<typeof ollamaClient>) => Promise<T>): Promise<T> {
  const tap = tapFetch(call.fetch, call.signal ?? new AbortController().signal);
  const provider = call.provider ?? 'ollama';
  const clock = call.clock ?? realClock;
  try {
    return await work(ollamaClient(call, tap));
  } catch (error) {
    if (call.signal?.aborted) {
      throw new ProviderError({ kind: 'cancelled', provider, message: STOPPED_BY_USER, cause: error });
    }
    throw ollamaFailure(error, { provider, now: clock.now(), afterHeaders: reachedBody(tap), response: tap.last });
  }
}

const isoOf = (value: unknown): string | undefined =>
  value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined;

export function listInstalled(call: OllamaCall): Promise<InstalledModel[]> {
  return run(call, async (client) =>
    (await client.list()).models.map((m) => ({
      name: m.name,
      sizeBytes: m.size,
      modifiedAt: isoOf(m.modified_at),
      family: m.details?.family || undefined,
      parameterSize: m.details?.parameter_size || undefined,
      quantization: m.details?.quantization_level || undefined,
    })),
  );
}

export function listLoaded(call: OllamaCall): Promise<LoadedModel[]> {
  return run(call, async (client) =>
    (await client.ps()).models.map((m) => ({
      name: m.name,
      sizeBytes: m.size,
      vramBytes: typeof m.size_vram === 'number' ? m.size_vram : undefined,
      expiresAt: isoOf(m.expires_at),
    })),
  );
}

export function deleteModel(call: OllamaCall, model: string): Promise<void> {
  return run(call, async (client) => {
    await client.delete({ model });
  });
}

/** Sums layer sizes by digest, since Ollama reports progress per layer. */
export function progressTracker(): (line: Partial<ProgressResponse>) => PullProgress {
  const layers = new Map<string, { completed: number; total: number }>();
  return (line) => {
    if (line.digest && typeof line.total === 'number') {
      layers.set(line.digest, { completed: line.completed ?? 0, total: line.total });
    }
    let completedBytes = 0;
    let totalBytes = 0;
    for (const layer of layers.values()) {
      completedBytes += layer.completed;
      totalBytes += layer.total;
    }
    const percent = totalBytes > 0 ? Math.min(100, (completedBytes / totalBytes) * 100) : undefined;
    return { status: line.status ?? '', completedBytes, totalBytes, percent: line.status === 'success' ? 100 : percent };
  };
}

/** Resolves when Ollama says `success`; a registry failure is `model_not_found`. */
export function pullModel(call: OllamaCall, model: string, onProgress?: (progress: PullProgress) => void): Promise<void> {
  const provider = call.provider ?? 'ollama';
  return run(call, async (client) => {
    const track = progressTracker();
    const lines = await client.pull({ model, stream: true });
    try {
      for await (const line of lines) onProgress?.(track(line));
    } catch (error) {
      if (call.signal?.aborted || ProviderError.is(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      // The registry's refusal arrives as an error line after "pulling manifest".
      if (/manifest|not found|does not exist/i.test(message)) {
        throw buildProviderError({ kind: 'model_not_found', provider, message, now: (call.clock ?? realClock).now(), cause: error });
      }
      throw error;
    }
  });
}
