/**
 * Turns configured providers plus their keys into adapters, and answers the
 * provider questions hosts ask (views, tests, model lists). Keys are resolved
 * ahead of time (`refresh`), because the router asks for adapters synchronously.
 */
import { createHash } from 'node:crypto';
import type { ModelInfo, ProbeResult, ProviderView } from '../../../shared/providers.js';
import type { ProviderConfig, Settings } from '../../../shared/settings.js';
import { defaultModelsOf } from './providers/catalog/catalog.js';
import { displayName, presetOf } from './provider-preset.js';
import { testConnection, testPlan } from './connection-test.js';
import { createAdapter } from './providers/create-adapter.js';
import { modelInfoFor, withOverride } from './providers/pricing/pricing.js';
import type { AdapterConfig, EngineParts, ProviderAdapter } from './providers/types.js';
import { keyStatusOf, type KeyResolver, type ResolvedKey } from './secrets/key-resolver.js';

export interface ProviderPool {
  /** Re-reads keys for every configured provider; call after settings or keys change. */
  refresh(): Promise<void>;
  adapter(id: string): ProviderAdapter | { unavailable: string };
  views(): ProviderView[];
  /** The model a provider uses when the user names none: its first listed one. */
  defaultModel(id: string): string | undefined;
  /** Reachable, key accepted, models listed, then one tiny completion streamed within its task's first-token timeout. */
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
  /** Set by hosts that can run the built-in engine. */
  engine?: EngineParts;
}

export function baseUrlOf(p: ProviderConfig): string {
  return p.baseURL ?? presetOf(p)?.baseURL ?? '';
}

export function envVarsOf(p: ProviderConfig): string[] {
  return presetOf(p)?.keyEnvVars ?? [];
}

export function createProviderPool(deps: PoolDeps): ProviderPool {
  let resolved = new Map<string, ResolvedKey>();
  /** Built adapters by provider, with the hash of the configuration each was built from. */
  const adapters = new Map<string, { hash: string; adapter: ProviderAdapter }>();

  const config = (id: string) => deps.settings().providers.find((p) => p.id === id);
  const knownKeys = () => [...resolved.values()].flatMap((k) => (k.key ? [k.key] : []));
  const needsKey = (p: ProviderConfig) => p.kind !== 'ollama' && p.kind !== 'engine';

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
    if (p.kind === 'engine' && !deps.engine) return { unavailable: 'the built-in engine does not run in this host' };
    const key = resolved.get(id);
    if (needsKey(p) && !key?.key) return { unavailable: 'no key' };
    const preset = presetOf(p);
    const adapterConfig: AdapterConfig = {
      id,
      kind: p.kind,
      baseURL: baseUrlOf(p),
      apiKey: key?.key,
      knownKeys,
      headers: p.headers,
      defaultModels: modelsOf(p, preset),
      ...(preset ? { preset: preset.id } : {}),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(p.kind === 'engine' && deps.engine ? { engine: deps.engine } : {}),
    };
    // Whatever goes into the adapter decides whether it is rebuilt (a new preset brings new quirks).
    const hash = configHash(adapterConfig);
    const cached = adapters.get(id);
    if (cached?.hash === hash) return cached.adapter;
    const created = createAdapter(adapterConfig);
    adapters.set(id, { hash, adapter: created });
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
          name: displayName(p),
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
      return testConnection(a, testPlan(deps.settings(), id, this.defaultModel(id)), () => performance.now());
    },
    async models(id) {
      const p = config(id);
      const preset = p ? presetOf(p) : undefined;
      const overrides = deps.settings().modelOverrides;
      const fallback = (p ? modelsOf(p, preset) : []).map((m) => modelInfoFor(preset, m, overrides, id));
      const a = adapter(id);
      if ('unavailable' in a) return { models: fallback, source: 'catalog', error: a.unavailable };
      try {
        // The adapter says itself whether it reached the provider or fell back to the catalog.
        const list = await a.listModels(AbortSignal.timeout(15_000));
        return { ...list, models: list.models.map((m) => withOverride(m, preset, overrides, id)) };
      } catch (error) {
        return { models: fallback, source: 'catalog', error: error instanceof Error ? error.message : String(error) };
      }
    },
    knownKeys,
    currentKeys: () => new Map([...resolved].map(([id, k]) => [id, k.key])),
  };
}

/** A digest of an adapter's configuration; the key goes into it only hashed. */
function configHash(config: AdapterConfig): string {
  // The engine's process handle is the pool's own and never changes; only data decides.
  const { fetch: injected, engine, ...data } = config;
  return createHash('sha256')
    .update(JSON.stringify(data))
    .update(injected ? 'injected-fetch' : '')
    .update(engine ? 'engine' : '')
    .digest('hex');
}

/** The provider's own model list, or its catalog preset's when it names none. */
function modelsOf(p: ProviderConfig, preset: ReturnType<typeof presetOf>): string[] {
  return p.models ?? (preset ? defaultModelsOf(preset) : []);
}
