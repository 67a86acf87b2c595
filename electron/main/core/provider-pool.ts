/**
 * Turns configured providers plus their keys into adapters, and answers the
 * provider questions hosts ask (views, tests, model lists). Keys are resolved
 * ahead of time (`refresh`), because the router asks for adapters synchronously.
 */
import type { ModelInfo, ProbeResult, ProviderView } from '../../../shared/providers.js';
import type { ProviderConfig, Settings } from '../../../shared/settings.js';
import { defaultModelsOf } from './providers/catalog/catalog.js';
import { presetOf } from './provider-preset.js';
import { createAdapter } from './providers/create-adapter.js';
import { modelInfoFor } from './providers/pricing/pricing.js';
import { ProviderError } from './providers/provider-error.js';
import type { ProviderAdapter } from './providers/types.js';
import { keyStatusOf, type KeyResolver, type ResolvedKey } from './secrets/key-resolver.js';

const TEST_TIMEOUTS = { connectMs: 10_000, firstTokenMs: 20_000, idleMs: 20_000 };

export interface ProviderPool {
  /** Re-reads keys for every configured provider; call after settings or keys change. */
  refresh(): Promise<void>;
  adapter(id: string): ProviderAdapter | { unavailable: string };
  views(): ProviderView[];
  /** The model a provider uses when the user names none: its first listed one. */
  defaultModel(id: string): string | undefined;
  /** Reachable, key accepted, models listed, then one tiny completion. */
  test(id: string): Promise<ProbeResult>;
  models(id: string): Promise<{ models: ModelInfo[]; source: 'live' | 'catalog'; error?: string }>;
  /** Every key in use, so logs and errors can be scrubbed of them. */
  knownKeys(): string[];
  /** The key each provider will be called with right now (never sent to a renderer). */
  currentKeys(): Map<string, string | undefined>;
}

export interface PoolDeps {
  settings: () => Settings;
  keys: KeyResolver;
  fetch?: typeof fetch;
}

export function baseUrlOf(p: ProviderConfig): string {
  return p.baseURL ?? presetOf(p)?.baseURL ?? '';
}

export function envVarsOf(p: ProviderConfig): string[] {
  return presetOf(p)?.keyEnvVars ?? [];
}

export function createProviderPool(deps: PoolDeps): ProviderPool {
  let resolved = new Map<string, ResolvedKey>();
  const adapters = new Map<string, { signature: string; adapter: ProviderAdapter }>();

  const config = (id: string) => deps.settings().providers.find((p) => p.id === id);
  const knownKeys = () => [...resolved.values()].flatMap((k) => (k.key ? [k.key] : []));
  const needsKey = (p: ProviderConfig) => p.kind !== 'ollama';

  // The router asks several times per message; settings and resolved keys are
  // replaced (never mutated) on change, so answers hold until either object does.
  let answers: { settings: Settings; keys: Map<string, ResolvedKey>; byId: Map<string, ProviderAdapter | { unavailable: string }> } | undefined;

  function adapter(id: string): ProviderAdapter | { unavailable: string } {
    const settings = deps.settings();
    if (answers?.settings !== settings || answers.keys !== resolved) answers = { settings, keys: resolved, byId: new Map() };
    let answer = answers.byId.get(id);
    if (!answer) answers.byId.set(id, (answer = buildAdapter(id)));
    return answer;
  }

  function buildAdapter(id: string): ProviderAdapter | { unavailable: string } {
    const p = config(id);
    if (!p) return { unavailable: 'unknown provider' };
    if (!p.enabled) return { unavailable: 'disabled in Settings' };
    const key = resolved.get(id);
    if (needsKey(p) && !key?.key) return { unavailable: 'no key' };
    const preset = presetOf(p);
    const baseURL = baseUrlOf(p);
    const signature = JSON.stringify([p.kind, baseURL, p.headers, key?.key, p.models]);
    const cached = adapters.get(id);
    if (cached?.signature === signature) return cached.adapter;
    const created = createAdapter({
      id,
      kind: p.kind,
      baseURL,
      apiKey: key?.key,
      knownKeys,
      headers: p.headers,
      defaultModels: modelsOf(p, preset),
      ...(preset ? { preset: preset.id } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    adapters.set(id, { signature, adapter: created });
    return created;
  }

  function unavailableResult(id: string, reason: string): ProbeResult {
    const kind = reason === 'no key' ? 'auth' : 'no_target';
    return { provider: id, ok: false, latencyMs: 0, errorKind: kind, message: reason === 'no key' ? 'No API key is set for this provider.' : `Provider is ${reason}.` };
  }

  return {
    async refresh() {
      const next = new Map<string, ResolvedKey>();
      await Promise.all(
        deps.settings().providers.map(async (p) => {
          next.set(p.id, await deps.keys.resolve(p, envVarsOf(p)));
        }),
      );
      resolved = next;
    },
    adapter,
    defaultModel(id) {
      const p = config(id);
      return p ? modelsOf(p, presetOf(p))[0] : undefined;
    },
    views() {
      return deps.settings().providers.map((p) => {
        const key = resolved.get(p.id);
        const preset = presetOf(p);
        return {
          id: p.id,
          kind: p.kind,
          name: p.name ?? preset?.name ?? p.id,
          baseURL: baseUrlOf(p),
          enabled: p.enabled,
          ...(preset ? { preset: preset.id } : {}),
          models: modelsOf(p, preset),
          // Not resolved yet (added since the last refresh): as good as unset.
          key: key ? keyStatusOf(key) : { provider: p.id, source: needsKey(p) ? 'none' : 'not_needed' },
        };
      });
    },
    async test(id) {
      const a = adapter(id);
      if ('unavailable' in a) return unavailableResult(id, a.unavailable);
      const started = performance.now();
      const signal = AbortSignal.timeout(30_000);
      try {
        const probe = await a.probe(signal);
        if (!probe.ok) return probe;
        const p = config(id);
        const model = p?.models?.[0] ?? (p ? presetOf(p)?.models[0]?.id : undefined);
        if (model) {
          await a.complete(
            { model, messages: [{ role: 'user', content: 'Reply with the word ok.' }], maxTokens: 5 },
            { signal, timeouts: TEST_TIMEOUTS },
          );
        }
        return { ...probe, latencyMs: performance.now() - started };
      } catch (error) {
        return failedProbe(id, error, performance.now() - started);
      }
    },
    async models(id) {
      const p = config(id);
      const preset = p ? presetOf(p) : undefined;
      const fallback = (p ? modelsOf(p, preset) : []).map((m) => modelInfoFor(preset, m));
      const a = adapter(id);
      if ('unavailable' in a) return { models: fallback, source: 'catalog', error: a.unavailable };
      try {
        // The adapter says itself whether it reached the provider or fell back to the catalog.
        return await a.listModels(AbortSignal.timeout(15_000));
      } catch (error) {
        return { models: fallback, source: 'catalog', error: error instanceof Error ? error.message : String(error) };
      }
    },
    knownKeys,
    currentKeys: () => new Map([...resolved].map(([id, k]) => [id, k.key])),
  };
}

/** The provider's own model list, or its catalog preset's when it names none. */
function modelsOf(p: ProviderConfig, preset: ReturnType<typeof presetOf>): string[] {
  return p.models ?? (preset ? defaultModelsOf(preset) : []);
}

function failedProbe(provider: string, error: unknown, latencyMs: number): ProbeResult {
  if (ProviderError.is(error)) {
    return { provider, ok: false, latencyMs, errorKind: error.kind, message: error.message, ...(error.requestId ? { requestId: error.requestId } : {}) };
  }
  return { provider, ok: false, latencyMs, errorKind: 'network', message: error instanceof Error ? error.message : String(error) };
}
