/** CUDA support for the built-in engine: what is on offer here, its download's progress, and remove. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CudaProgress, CudaStatus } from '../../../shared/contract/calls-engine-cuda.js';
import type { Client } from '../client/client.js';
import { errorText } from '../lib/format.js';

export interface CudaState {
  status?: CudaStatus;
  /** The latest progress event; a finished one stays until the next refresh. */
  progress?: CudaProgress;
  error?: string;
  refresh(): Promise<void>;
  download(): Promise<void>;
  cancel(): Promise<void>;
  remove(): Promise<void>;
  onProgress(progress: CudaProgress): void;
}

export type CudaStore = StoreApi<CudaState>;

/** `onChanged`: CUDA came or went, and the engine restarts: its status line is stale. */
export function createCudaStore(client: Pick<Client, 'call'>, onChanged: () => void = () => {}): CudaStore {
  return createStore<CudaState>()((set, get) => {
    const attempt = async (run: () => Promise<unknown>) => {
      try {
        await run();
        set({ error: undefined });
      } catch (error) {
        set({ error: errorText(error) });
      }
    };
    return {
      async refresh() {
        await attempt(async () => {
          const status = await client.call('engine.cuda.status', {});
          set((s) => ({ status, progress: status.progress ?? s.progress }));
        });
      },
      download: () => attempt(() => client.call('engine.cuda.download', {})),
      cancel: () => attempt(() => client.call('engine.cuda.cancel', {})),
      async remove() {
        await attempt(() => client.call('engine.cuda.remove', {}));
        set({ progress: undefined });
        await get().refresh();
        onChanged();
      },
      onProgress(progress) {
        set({ progress });
        if (progress.state === 'done') {
          void get().refresh();
          onChanged();
        }
      },
    };
  });
}
