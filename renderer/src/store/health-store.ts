/** Provider health (from `health.get` and `health.update`) and on-demand provider tests. */
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
  set(providers: ProviderHealth[]): void;
  test(provider: string): Promise<void>;
}

export type HealthStore = StoreApi<HealthState>;

export function createHealthStore(client: Pick<Client, 'call'>): HealthStore {
  return createStore<HealthState>()((set) => ({
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
  }));
}
