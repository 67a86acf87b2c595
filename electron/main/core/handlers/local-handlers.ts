/**
 * Handlers for local models on Ollama: installed and loaded models, pull with
 * progress events (cancellable), delete. They act on the provider that serves
 * the local fallback, or the first Ollama provider.
 */
import { randomUUID } from 'node:crypto';
import type { localCalls, PullProgress } from '../../../../shared/contract/calls-local.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import type { ProviderConfig, Settings } from '../../../../shared/settings.js';
import { DEFAULT_OLLAMA_URL } from '../../../../shared/settings.js';
import type { EventBus } from '../events/event-bus.js';
import { deleteModel, listInstalled, listLoaded, pullModel } from '../providers/ollama/ollama-models.js';
import { normalizeOllamaUrl } from '../providers/ollama/ollama-url.js';

type LocalHandlers = Pick<Handlers, keyof typeof localCalls>;

export function localOllama(settings: Settings): ProviderConfig | undefined {
  const fallback = settings.providers.find((p) => p.id === settings.localFallback?.provider && p.kind === 'ollama');
  return fallback ?? settings.providers.find((p) => p.kind === 'ollama');
}

export function localHandlers(deps: { events: EventBus; settings: () => Settings; fetch?: typeof fetch }): LocalHandlers {
  const pulls = new Map<string, AbortController>();
  const target = () => {
    const p = localOllama(deps.settings());
    const baseURL = normalizeOllamaUrl(p?.baseURL ?? DEFAULT_OLLAMA_URL);
    return { baseURL, provider: p?.id ?? 'ollama', ...(p?.headers ? { headers: p.headers } : {}), ...(deps.fetch ? { fetch: deps.fetch } : {}) };
  };

  return {
    'ollama.models': async () => {
      const call = { ...target(), signal: AbortSignal.timeout(5000) };
      try {
        const [installed, loaded] = await Promise.all([listInstalled(call), listLoaded(call).catch(() => [])]);
        const loadedNames = new Set(loaded.map((m) => m.name));
        return {
          reachable: true,
          baseURL: call.baseURL,
          models: installed.map((m) => ({
            name: m.name,
            sizeBytes: m.sizeBytes,
            ...(m.modifiedAt ? { modifiedAt: m.modifiedAt } : {}),
            ...(m.parameterSize ? { parameterSize: m.parameterSize } : {}),
            ...(m.quantization ? { quantization: m.quantization } : {}),
            loaded: loadedNames.has(m.name),
          })),
        };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { reachable: false, baseURL: call.baseURL, models: [], error: `Ollama is not answering at ${call.baseURL} (${reason}). Start it with "ollama serve", or fix the URL.` };
      }
    },
    'ollama.pull': async ({ model }) => {
      const jobId = randomUUID();
      const abort = new AbortController();
      pulls.set(jobId, abort);
      const emit = (p: Omit<PullProgress, 'jobId' | 'model'>) =>
        deps.events.emit('ollama.pull.progress', { jobId, model, ...p });
      emit({ status: 'starting', done: false });
      void pullModel({ ...target(), signal: abort.signal }, model, (p) => emit({ ...p, done: false }))
        .then(() => emit({ status: 'success', percent: 100, done: true }))
        .catch((error: unknown) => {
          const cancelled = abort.signal.aborted;
          emit({ status: cancelled ? 'cancelled' : 'failed', done: true, ...(cancelled ? {} : { error: (error as Error).message }) });
        })
        .finally(() => pulls.delete(jobId));
      return { jobId };
    },
    'ollama.pullCancel': async ({ jobId }) => {
      const abort = pulls.get(jobId);
      abort?.abort();
      return { cancelled: abort !== undefined };
    },
    'ollama.delete': async ({ model }) => {
      await deleteModel({ ...target(), signal: AbortSignal.timeout(15_000) }, model);
      return { deleted: true };
    },
  };
}
