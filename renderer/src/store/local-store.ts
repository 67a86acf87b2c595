/** Ollama: installed models, reachability, and model pulls with progress. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallResult } from '../../../shared/contract/index.js';
import type { PullProgress } from '../../../shared/contract/calls-local.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';

export interface LocalState {
  status?: CallResult<'ollama.models'>;
  loading: boolean;
  error?: string;
  /** Pulls by job id, latest progress each. */
  pulls: Record<string, PullProgress>;
  refresh(): Promise<void>;
  pull(model: string): Promise<string | undefined>;
  cancel(jobId: string): Promise<void>;
  remove(model: string): Promise<string | undefined>;
  onProgress(progress: PullProgress): void;
  forget(jobId: string): void;
}

export type LocalStore = StoreApi<LocalState>;

export function createLocalStore(client: Pick<Client, 'call'>): LocalStore {
  return createStore<LocalState>()((set, get) => ({
    loading: false,
    pulls: {},
    async refresh() {
      set({ loading: true });
      try {
        set({ status: await client.call('ollama.models', {}), loading: false, error: undefined });
      } catch (error) {
        set({ loading: false, error: errorText(error) });
      }
    },
    async pull(model) {
      try {
        const { jobId } = await client.call('ollama.pull', { model });
        // Progress may already have arrived; only seed the job if it has not.
        set((s) => (s.pulls[jobId] ? s : { pulls: { ...s.pulls, [jobId]: { jobId, model, status: 'starting', done: false } } }));
        return undefined;
      } catch (error) {
        return errorText(error);
      }
    },
    async cancel(jobId) {
      try {
        await client.call('ollama.pullCancel', { jobId });
      } catch (error) {
        set({ error: errorText(error) });
      }
    },
    async remove(model) {
      try {
        await client.call('ollama.delete', { model });
      } catch (error) {
        return errorText(error);
      }
      await get().refresh();
      return undefined;
    },
    onProgress(progress) {
      set((s) => ({ pulls: { ...s.pulls, [progress.jobId]: progress } }));
      if (progress.done && !progress.error) void get().refresh();
    },
    forget(jobId) {
      set((s) => {
        const pulls = { ...s.pulls };
        delete pulls[jobId];
        return { pulls };
      });
    },
  }));
}
