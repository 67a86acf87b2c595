/** Provider health (from `health.get` and `health.update`), on-demand provider tests, and the panel's controls. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProbeResult, ProviderHealth } from '../../../shared/providers.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';

export interface ProbeState {
  pending: boolean;
  result?: ProbeResult;
  /** The call itself failed (not the provider). */
  error?: string;
}

export interface HealthState {
  providers: ProviderHealth[];
  loaded: boolean;
  error?: string;
  probes: Record<string, ProbeState>;
  refresh(): Promise<void>;
  /**
   * Re-reads health every `everyMs` while a panel shows it, until the returned stop
   * is called: calls age out of the recent window even when no event says so.
   */
  watch(everyMs?: number): () => void;
  set(providers: ProviderHealth[]): void;
  test(provider: string): Promise<void>;
  /** Tests every enabled provider that has a key, side by side. */
  testAll(): Promise<void>;
  resetCircuit(provider: string): Promise<void>;
  setEnabled(provider: string, enabled: boolean): Promise<void>;
}

/** Providers worth testing: turned on, with a key (or none needed). */
export const testable = (h: ProviderHealth): boolean => h.state !== 'disabled' && h.state !== 'no_key';

export type HealthStore = StoreApi<HealthState>;

/** How often an open panel re-reads health with nothing else happening. */
export const WATCH_MS = 60_000;

export function createHealthStore(client: Pick<Client, 'call'>): HealthStore {
  const store = createStore<HealthState>()((set, get) => ({
    providers: [],
    loaded: false,
    probes: {},
    async refresh() {
      try {
        set({ providers: await client.call('health.get', {}), loaded: true, error: undefined });
      } catch (error) {
        set({ error: errorText(error), loaded: true });
      }
    },
    watch(everyMs = WATCH_MS) {
      const timer = setInterval(() => void get().refresh(), everyMs);
      return () => clearInterval(timer);
    },
    set(providers) {
      set({ providers, loaded: true });
    },
    async test(provider) {
      set((s) => ({ probes: { ...s.probes, [provider]: { pending: true } } }));
      try {
        const result = await client.call('providers.test', { provider });
        set((s) => ({ probes: { ...s.probes, [provider]: { pending: false, result } } }));
      } catch (error) {
        set((s) => ({ probes: { ...s.probes, [provider]: { pending: false, error: errorText(error) } } }));
      }
    },
    async testAll() {
      await Promise.all(get().providers.filter(testable).map((h) => get().test(h.provider)));
    },
    async resetCircuit(provider) {
      await change(() => client.call('health.resetCircuit', { provider }));
    },
    async setEnabled(provider, enabled) {
      await change(() => client.call('providers.setEnabled', { provider, enabled }));
    },
  }));

  async function change(call: () => Promise<ProviderHealth[]>): Promise<void> {
    try {
      store.setState({ providers: await call(), error: undefined });
    } catch (error) {
      store.setState({ error: errorText(error) });
    }
  }
  return store;
}
