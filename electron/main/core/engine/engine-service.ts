/**
 * The built-in engine as the core holds it: one engine process (started on first
 * use, ended after a quiet spell) when the host can run one, and the models on disk.
 */
import { createEngineHost, type EngineHost } from '../providers/engine/engine-host.js';
import type { EngineLauncher } from '../providers/engine/engine-protocol.js';
import type { EngineParts } from '../providers/types.js';
import type { Clock } from '../router/types.js';
import { ENGINE_PROVIDER_ID } from './engine-ids.js';
import { createModelStore, type ModelStore } from './model-store.js';
import { createCudaSupport, type CudaDeps, type CudaSupport } from './cuda-support.js';

/** Long enough to cover a conversation's pauses, short enough to hand the memory back. */
const IDLE_UNLOAD_MS = 5 * 60_000;

export interface Engine {
  store: ModelStore;
  cuda: CudaSupport;
  /** Absent in a host that cannot start the engine process. */
  host?: EngineHost;
  parts?: EngineParts;
}

/** `cuda`: where CUDA support comes from and who hears of its progress. */
export function createEngine(dataDir: string, launch: EngineLauncher | undefined, clock: Clock, cuda: Omit<CudaDeps, 'dataDir' | 'onChanged'>): Engine {
  const store = createModelStore(dataDir);
  const gpu = createCudaSupport({ ...cuda, dataDir, onChanged: () => host?.restart() });
  // Each start asks afresh, so a download or a remove takes effect on the next start.
  const host = launch ? createEngineHost({ launch: () => launch({ packages: gpu.packages() }), clock, provider: ENGINE_PROVIDER_ID, idleUnloadMs: IDLE_UNLOAD_MS }) : undefined;
  if (!host) return { store, cuda: gpu };
  return { store, cuda: gpu, host, parts: { host, modelPath: (id) => store.pathOf(id), installed: async () => store.list().map((m) => m.id) } };
}
