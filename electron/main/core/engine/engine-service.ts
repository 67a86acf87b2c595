/**
 * The built-in engine as the core holds it: one engine process (started on first
 * use, ended after a quiet spell) and the models on disk it may load.
 */
import { isAbsolute } from 'node:path';
import type { Settings } from '../../../../shared/settings.js';
import { createEngineHost, type EngineHost } from '../providers/engine/engine-host.js';
import type { EngineLauncher } from '../providers/engine/engine-protocol.js';
import type { EngineParts } from '../providers/types.js';
import type { Clock } from '../router/types.js';
import { createModelStore, type ModelStore } from './model-store.js';

export const ENGINE_PROVIDER_ID = 'engine';
/** Long enough to cover a conversation's pauses, short enough to hand the memory back. */
const IDLE_UNLOAD_MS = 5 * 60_000;

export interface Engine {
  host: EngineHost;
  store: ModelStore;
  parts: EngineParts;
  /** .gguf files the user picked where they were, as the engine provider lists them. */
  picked(): string[];
}

export function createEngine(dataDir: string, launch: EngineLauncher, clock: Clock, settings: () => Settings): Engine {
  const store = createModelStore(dataDir);
  const host = createEngineHost({ launch, clock, provider: ENGINE_PROVIDER_ID, idleUnloadMs: IDLE_UNLOAD_MS });
  const picked = () => settings().providers.filter((p) => p.kind === 'engine').flatMap((p) => p.models ?? []).filter((m) => isAbsolute(m));
  return {
    host,
    store,
    picked,
    parts: { host, modelPath: (id) => store.pathOf(id), installed: async () => store.list(picked()).map((m) => m.id) },
  };
}
