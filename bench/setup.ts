/**
 * Builds a router the way app-core does (real adapters from createAdapter, catalog
 * prices, a state store), but pointed at fake providers on 127.0.0.1, so the bench
 * measures the production code path and nothing else.
 */
import { presetOf } from '../electron/main/core/provider-preset.js';
import { createAdapter } from '../electron/main/core/providers/create-adapter.js';
import { targetPrices } from '../electron/main/core/target-prices.js';
import type { ProviderAdapter } from '../electron/main/core/providers/types.js';
import type { BreakerTuning } from '../electron/main/core/router/breaker.js';
import { createRouter, realClock, type AttemptLedger, type Router, type RouterStateStore } from '../electron/main/core/router/index.js';
import { createAttemptLedger } from '../electron/main/core/store/attempts/attempt-ledger.js';
import { openStorage, type Storage } from '../electron/main/core/store/storage.js';
import { SettingsSchema, type ProviderConfig, type ProviderKind, type Settings } from '../shared/settings.js';
import { startFakeProvider, type FakeProvider } from '../tests/fake-provider/index.js';

export const BENCH_KEY = 'sk-bench';
export const MODEL = 'gpt-4o-mini';
export const LOCAL_MODEL = 'llama3.2';

/**
 * Rate-limit headers of a large account, far from its limits. The fake's default
 * headers spend a 10,000-request budget that never refills, and the router rightly
 * skips a provider that says it has nothing left, so a scenario sending more
 * requests than that would stop measuring the cloud path. These are the same
 * headers (the router still reads them on every answer) without running dry.
 */
export const ROOMY_RATE_LIMITS: Record<string, string> = {
  'x-ratelimit-limit-requests': '30000',
  'x-ratelimit-limit-tokens': '150000000',
  'x-ratelimit-remaining-requests': '29999',
  'x-ratelimit-remaining-tokens': '149999950',
  'x-ratelimit-reset-requests': '2ms',
  'x-ratelimit-reset-tokens': '0s',
};

export interface BenchProvider {
  id: string;
  kind: ProviderKind;
  fake: FakeProvider;
}

export interface BenchRouterOptions {
  providers: BenchProvider[];
  /** Task type -> provider ids, all on MODEL. */
  routes: Record<string, string[]>;
  /** An Ollama provider id that ends every chain, as in the app. */
  local?: string;
  state: RouterStateStore;
  ledger?: AttemptLedger;
  breaker?: Partial<BreakerTuning>;
}

function providerEntry(p: BenchProvider): { id: string; kind: ProviderKind; baseURL: string; models: string[] } {
  return { id: p.id, kind: p.kind, baseURL: p.fake.baseURL, models: [p.kind === 'ollama' ? LOCAL_MODEL : MODEL] };
}

export function benchSettings(options: BenchRouterOptions): Settings {
  return SettingsSchema.parse({
    providers: options.providers.map(providerEntry),
    routes: Object.fromEntries(Object.entries(options.routes).map(([task, ids]) => [task, ids.map((provider) => ({ provider, model: MODEL }))])),
    ...(options.local ? { localFallback: { provider: options.local, model: LOCAL_MODEL } } : {}),
  });
}

function adapterFor(p: ProviderConfig): ProviderAdapter {
  const preset = presetOf(p);
  return createAdapter({
    id: p.id,
    kind: p.kind,
    baseURL: p.baseURL ?? '',
    apiKey: BENCH_KEY,
    defaultModels: p.models ?? [],
    ...(preset ? { preset: preset.id } : {}),
  });
}

/** The adapter the router would use for this provider, on its own. */
export function benchAdapter(p: BenchProvider): ProviderAdapter {
  const [config] = SettingsSchema.parse({ providers: [providerEntry(p)] }).providers;
  if (!config) throw new Error('bench provider did not parse');
  return adapterFor(config);
}

export function benchRouter(options: BenchRouterOptions): Router {
  const settings = benchSettings(options);
  const adapters = new Map<string, ProviderAdapter>();
  for (const p of settings.providers) adapters.set(p.id, adapterFor(p));
  return createRouter({
    clock: realClock,
    random: Math.random,
    settings: () => settings,
    adapter: (id) => adapters.get(id) ?? { unavailable: 'unknown provider' },
    online: () => true,
    price: targetPrices(() => settings),
    state: options.state,
    ...(options.ledger ? { ledger: options.ledger } : {}),
    ...(options.breaker ? { breaker: options.breaker } : {}),
  });
}

/** A cloud provider on the OpenAI protocol and a local Ollama behind it, both answering at once, as the straight-path scenarios use. */
export async function cloudAndLocal(): Promise<{ cloud: FakeProvider; local: FakeProvider; providers: BenchProvider[]; close: () => Promise<void> }> {
  const cloud = await startFakeProvider({ protocol: 'openai', apiKey: BENCH_KEY, tokenDelayMs: 0, rateLimitHeaders: ROOMY_RATE_LIMITS });
  const local = await startFakeProvider({ protocol: 'ollama', tokenDelayMs: 0 });
  const providers: BenchProvider[] = [
    { id: 'openai', kind: 'openai', fake: cloud },
    { id: 'ollama', kind: 'ollama', fake: local },
  ];
  return { cloud, local, providers, close: async () => void (await Promise.all([cloud.close(), local.close()])) };
}

/** switchboard.db in `dir`, with the router state and the attempt ledger the app gives its router. */
export function benchStorage(dir: string): { storage: Storage; state: RouterStateStore; ledger: AttemptLedger } {
  const storage = openStorage(dir);
  return { storage, state: storage.routerState, ledger: createAttemptLedger(storage.db, storage.attempts) };
}
