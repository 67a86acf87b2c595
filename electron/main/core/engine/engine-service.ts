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

/** Long enough to cover a conversation's pauses, short enough to hand the memory back. */
const IDLE_UNLOAD_MS = 5 * 60_000;

export interface Engine {
  store: ModelStore;
  /** Absent in a host that cannot start the engine process. */
  host?: EngineHost;
  parts?: EngineParts;
}

export function createEngine(dataDir: string, launch: EngineLauncher | undefined, clock: Clock): Engine {
  const store = createModelStore(dataDir);
  if (!launch) return { store };
  const host = createEngineHost({ launch, clock, provider: ENGINE_PROVIDER_ID, idleUnloadMs: IDLE_UNLOAD_MS });
  return { store, host, parts: { host, modelPath: (id) => store.pathOf(id), installed: async () => store.list().map((m) => m.id) } };
}
