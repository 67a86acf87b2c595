/** Handlers for the built-in engine: its models (list with the engine's state, download, pause, cancel, pick, delete) and CUDA support. */
import type { engineCalls } from '../../../../shared/contract/calls-engine.js';
import type { engineCudaCalls } from '../../../../shared/contract/calls-engine-cuda.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import type { Engine } from '../engine/engine-service.js';
import type { ModelDownloads } from '../engine/model-downloads.js';

type EngineHandlers = Pick<Handlers, keyof typeof engineCalls | keyof typeof engineCudaCalls>;

export function engineHandlers(deps: { engine: Engine; downloads: ModelDownloads; changed: () => Promise<void>; chooseModelFile?: () => Promise<string | undefined> }): EngineHandlers {
  const { engine, downloads } = deps;
  const add = async (path: string) => {
    const picked = engine.store.pick(path);
    await deps.changed();
    return { id: picked.id, sizeBytes: picked.sizeBytes, external: picked.external };
  };
  return {
    'engine.models': async () => {
      const status = engine.host ? await engine.host.status() : { loaded: false };
      return {
        models: engine.store.list().map((m) => ({ id: m.id, sizeBytes: m.sizeBytes, external: m.external })),
        folder: engine.store.dir,
        status: { available: engine.host !== undefined, ...status },
        downloads: downloads.views(),
        canChooseFile: deps.chooseModelFile !== undefined,
      };
    },
    'engine.download': async ({ catalogId }) => ({ started: downloads.start(catalogId) }),
    'engine.downloadPause': async ({ catalogId }) => ({ paused: downloads.pause(catalogId) }),
    'engine.downloadCancel': async ({ catalogId }) => ({ cancelled: await downloads.cancel(catalogId) }),
    'engine.pick': async ({ path }) => add(path),
    'engine.chooseFile': async () => {
      if (!deps.chooseModelFile) throw new Error('This window has no file picker: paste the path of the .gguf file instead.');
      const path = await deps.chooseModelFile();
      return path === undefined ? null : add(path);
    },
    'engine.cuda.status': () => engine.cuda.status(),
    'engine.cuda.download': async () => ({ started: engine.cuda.download() }),
    'engine.cuda.cancel': async () => ({ cancelled: await engine.cuda.cancel() }),
    'engine.cuda.remove': async () => ({ removed: await engine.cuda.remove() }),
    'engine.delete': async ({ id }) => {
      const deleted = engine.store.remove(id);
      if (deleted) await deps.changed();
      return { deleted };
    },
  };
}
