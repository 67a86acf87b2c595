/** The built-in engine: installed models, the engine's state, and downloads with progress. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallResult } from '../../../shared/contract/index.js';
import type { EngineDownloadProgress } from '../../../shared/contract/calls-engine.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';

export interface EngineState {
  view?: CallResult<'engine.models'>;
  /** Latest progress per curated model id. */
  downloads: Record<string, EngineDownloadProgress>;
  error?: string;
  refresh(): Promise<void>;
  download(catalogId: string): Promise<string | undefined>;
  pause(catalogId: string): Promise<void>;
  cancel(catalogId: string): Promise<void>;
  pick(path: string): Promise<string | undefined>;
  /** The system file picker (desktop only); the chosen model is added. */
  choose(): Promise<string | undefined>;
  remove(id: string): Promise<string | undefined>;
  onProgress(progress: EngineDownloadProgress): void;
}

export type EngineStore = StoreApi<EngineState>;

/** `onModelsChanged`: a model added or removed changes what can answer (the providers' list). */
export function createEngineStore(client: Pick<Client, 'call'>, onModelsChanged: () => void = () => {}): EngineStore {
  const attempt = async (run: () => Promise<unknown>): Promise<string | undefined> => {
    try {
      await run();
      return undefined;
    } catch (error) {
      return errorText(error);
    }
  };
  return createStore<EngineState>()((set, get) => ({
    downloads: {},
    async refresh() {
      try {
        const view = await client.call('engine.models', {});
        // Downloads the core knows of (one started before this window opened) fill in what events have not.
        set((s) => ({ view, error: undefined, downloads: { ...Object.fromEntries(view.downloads.map((d) => [d.catalogId, d])), ...s.downloads } }));
      } catch (error) {
        set({ error: errorText(error) });
      }
    },
    download: (catalogId) => attempt(() => client.call('engine.download', { catalogId })),
    async pause(catalogId) {
      set({ error: await attempt(() => client.call('engine.downloadPause', { catalogId })) });
    },
    async cancel(catalogId) {
      set({ error: await attempt(() => client.call('engine.downloadCancel', { catalogId })) });
    },
    async pick(path) {
      const failed = await attempt(() => client.call('engine.pick', { path }));
      await get().refresh();
      if (!failed) onModelsChanged();
      return failed;
    },
    async choose() {
      const failed = await attempt(() => client.call('engine.chooseFile', {}));
      await get().refresh();
      return failed;
    },
    async remove(id) {
      const failed = await attempt(() => client.call('engine.delete', { id }));
      await get().refresh();
      if (!failed) onModelsChanged();
      return failed;
    },
    onProgress(progress) {
      set((s) => ({ downloads: { ...s.downloads, [progress.catalogId]: progress } }));
      if (progress.state === 'done') void get().refresh();
    },
  }));
}
