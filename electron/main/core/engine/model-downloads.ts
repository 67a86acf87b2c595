/**
 * Downloads of curated models, one per model at a time, as the settings page
 * drives them: start (or resume a paused or cut one), pause (the part stays),
 * cancel (the part goes). Progress goes out at most every 200 ms, so a large
 * file does not flood the window with events.
 */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineDownloadProgress } from '../../../../shared/contract/calls-engine.js';
import { CURATED_MODELS, type CuratedModel } from '../../../../shared/engine-catalog.js';
import { downloadModel, DownloadError, type DownloadDeps } from './model-download.js';
import { PART_SUFFIX, type ModelStore } from './model-store.js';

const PROGRESS_EVERY_MS = 200;

export interface ModelDownloads {
  start(catalogId: string): boolean;
  pause(catalogId: string): boolean;
  cancel(catalogId: string): Promise<boolean>;
  views(): EngineDownloadProgress[];
}

export interface DownloadsDeps extends DownloadDeps {
  store: ModelStore;
  emit: (progress: EngineDownloadProgress) => void;
  /** A model finished and was verified. */
  onInstalled: () => void;
  /** The models on offer; tests point one at a local server. */
  catalog?: readonly CuratedModel[];
}

export function createModelDownloads(deps: DownloadsDeps): ModelDownloads {
  const running = new Map<string, { abort: AbortController; stopping?: 'paused' | 'cancelled' }>();
  const last = new Map<string, EngineDownloadProgress>();

  const model = (id: string) => {
    const found = (deps.catalog ?? CURATED_MODELS).find((m) => m.id === id);
    if (!found) throw new Error(`There is no model "${id}" in the list`);
    return found;
  };
  const publish = (progress: EngineDownloadProgress) => {
    last.set(progress.catalogId, progress);
    deps.emit(progress);
  };

  function start(catalogId: string): boolean {
    const m = model(catalogId);
    if (running.has(catalogId)) return false;
    const job: { abort: AbortController; stopping?: 'paused' | 'cancelled' } = { abort: new AbortController() };
    running.set(catalogId, job);
    let sentAt = 0;
    publish({ catalogId, state: 'downloading', receivedBytes: last.get(catalogId)?.receivedBytes ?? 0, totalBytes: m.sizeBytes });
    void downloadModel(
      {
        url: m.url,
        dest: join(deps.store.dir, m.file),
        sha256: m.sha256,
        expectedBytes: m.sizeBytes,
        signal: job.abort.signal,
        onProgress: (p) => {
          const now = Date.now();
          if (now - sentAt < PROGRESS_EVERY_MS) return;
          sentAt = now;
          publish({ catalogId, state: 'downloading', receivedBytes: p.receivedBytes, ...(p.totalBytes !== undefined ? { totalBytes: p.totalBytes } : {}) });
        },
      },
      deps,
    ).then(
      (done) => {
        publish({ catalogId, state: 'done', receivedBytes: done.bytes, totalBytes: done.bytes });
        deps.onInstalled();
      },
      (error: unknown) => {
        const before = last.get(catalogId);
        const received = before?.receivedBytes ?? 0;
        if (job.stopping === 'cancelled') return publish({ catalogId, state: 'cancelled', receivedBytes: 0 });
        if (job.stopping === 'paused') return publish({ ...(before ?? { catalogId, receivedBytes: 0 }), state: 'paused' });
        const message = error instanceof DownloadError || error instanceof Error ? error.message : String(error);
        publish({ catalogId, state: 'error', receivedBytes: received, ...(before?.totalBytes ? { totalBytes: before.totalBytes } : {}), error: message });
      },
    ).finally(() => running.delete(catalogId));
    return true;
  }

  function pause(catalogId: string): boolean {
    const job = running.get(catalogId);
    if (!job) return false;
    job.stopping = 'paused';
    job.abort.abort();
    return true;
  }

  async function cancel(catalogId: string): Promise<boolean> {
    const m = model(catalogId);
    const job = running.get(catalogId);
    if (job) {
      job.stopping = 'cancelled';
      job.abort.abort();
      // Let the writer close the part before it is deleted.
      while (running.has(catalogId)) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await unlink(join(deps.store.dir, m.file + PART_SUFFIX)).catch(() => undefined);
    if (!job) publish({ catalogId, state: 'cancelled', receivedBytes: 0 });
    return true;
  }

  return { start, pause, cancel, views: () => [...last.values()] };
}
