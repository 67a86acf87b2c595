/**
 * Settings as main holds them, the provider views, and live model lists. Edits
 * travel whole: read, change, `settings.set`. Errors come back as words naming
 * the field, checked here first with the shared schema and then by main.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelInfo, ProviderView } from '../../../shared/providers.js';
import { SettingsSchema, describeZodError, type Settings } from '../../../shared/settings.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';

export interface ModelsState {
  loading: boolean;
  models?: ModelInfo[];
  source?: 'live' | 'catalog';
  error?: string;
}

export interface SettingsState {
  settings?: Settings;
  /** Bumped whenever `settings` is replaced, so forms holding a draft start over. */
  revision: number;
  providers: ProviderView[];
  providersLoaded: boolean;
  loadError?: string;
  models: Record<string, ModelsState>;
  load(): Promise<void>;
  refreshProviders(): Promise<void>;
  /** Returns the error in words, or undefined when saved. */
  save(next: Settings): Promise<string | undefined>;
  update(change: (current: Settings) => Settings): Promise<string | undefined>;
  replace(settings: Settings): void;
  setKey(provider: string, key: string): Promise<string | undefined>;
  deleteKey(provider: string): Promise<string | undefined>;
  loadModels(provider: string): Promise<void>;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(client: Pick<Client, 'call'>): SettingsStore {
  return createStore<SettingsState>()((set, get) => ({
    revision: 0,
    providers: [],
    providersLoaded: false,
    models: {},

    async load() {
      try {
        const settings = await client.call('settings.get', {});
        set((s) => ({ settings, revision: s.revision + 1, loadError: undefined }));
      } catch (error) {
        set({ loadError: errorText(error) });
      }
      await get().refreshProviders();
    },

    async refreshProviders() {
      try {
        set({ providers: await client.call('providers.list', {}), providersLoaded: true });
      } catch (error) {
        set({ loadError: errorText(error), providersLoaded: true });
      }
    },

    async save(next) {
      const checked = SettingsSchema.safeParse(next);
      if (!checked.success) return describeZodError(checked.error);
      try {
        get().replace(await client.call('settings.set', checked.data));
      } catch (error) {
        return errorText(error);
      }
      await get().refreshProviders();
      return undefined;
    },

    async update(change) {
      const current = get().settings;
      if (!current) return 'Settings are not loaded yet.';
      return get().save(change(structuredClone(current)));
    },

    replace(settings) {
      set((s) => ({ settings, revision: s.revision + 1 }));
    },

    async setKey(provider, key) {
      try {
        await client.call('keys.set', { provider, key });
      } catch (error) {
        return errorText(error);
      }
      await get().refreshProviders();
      return undefined;
    },

    async deleteKey(provider) {
      try {
        await client.call('keys.delete', { provider });
      } catch (error) {
        return errorText(error);
      }
      await get().refreshProviders();
      return undefined;
    },

    async loadModels(provider) {
      set((s) => ({ models: { ...s.models, [provider]: { ...s.models[provider], loading: true } } }));
      try {
        const r = await client.call('providers.models', { provider });
        const state: ModelsState = { loading: false, models: r.models, source: r.source, error: r.error };
        set((s) => ({ models: { ...s.models, [provider]: state } }));
      } catch (error) {
        set((s) => ({ models: { ...s.models, [provider]: { loading: false, error: errorText(error) } } }));
      }
    },
  }));
}

/** Model ids fetched live this session, per provider, for flagging route targets. */
export function liveModelIds(models: Record<string, ModelsState>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, state] of Object.entries(models)) if (state.models) out[id] = state.models.map((m) => m.id);
  return out;
}
