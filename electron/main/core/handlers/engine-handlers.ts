/** Handlers for the built-in engine's models: list with the engine's state, download, pause, cancel, pick, delete. */
import type { engineCalls } from '../../../../shared/contract/calls-engine.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import type { Engine } from '../engine/engine-service.js';
import type { ModelDownloads } from '../engine/model-downloads.js';

type EngineHandlers = Pick<Handlers, keyof typeof engineCalls>;

export function engineHandlers(deps: { engine: Engine; downloads: ModelDownloads; changed: () => Promise<void> }): EngineHandlers {
  const { engine, downloads } = deps;
  return {
    'engine.models': async () => {
      const status = engine.host ? await engine.host.status() : { loaded: false };
      return {
        models: engine.store.list().map((m) => ({ id: m.id, sizeBytes: m.sizeBytes, external: m.external })),
        folder: engine.store.dir,
        status: { available: engine.host !== undefined, ...status },
        downloads: downloads.views(),
      };
    },
    'engine.download': async ({ catalogId }) => ({ started: downloads.start(catalogId) }),
    'engine.downloadPause': async ({ catalogId }) => ({ paused: downloads.pause(catalogId) }),
    'engine.downloadCancel': async ({ catalogId }) => ({ cancelled: await downloads.cancel(catalogId) }),
    'engine.pick': async ({ path }) => {
      const picked = engine.store.pick(path);
      await deps.changed();
      return { id: picked.id, sizeBytes: picked.sizeBytes, external: picked.external };
    },
    'engine.delete': async ({ id }) => {
      const deleted = engine.store.remove(id);
      if (deleted) await deps.changed();
      return { deleted };
    },
  };
}
