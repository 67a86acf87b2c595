/**
 * CUDA support for the built-in engine as an optional download: node-llama-cpp's
 * prebuilt CUDA package, fetched from the npm registry into the data folder's
 * `engine-gpu/` on the user's say, never shipped in an installer. It knows what
 * is on offer here and its size, runs one download at a time (progress at most
 * every 200 ms, cancel), and names the installed package for the engine process.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CudaProgress, CudaStatus } from '../../../../shared/contract/calls-engine-cuda.js';
import { DownloadError, messageOf } from './download-io.js';
import type { CudaOffer } from './cuda-package.js';
import { DEFAULT_NPM_REGISTRY, fetchPackageDist, type PackageDist } from './npm-registry.js';
import { INCOMING_PREFIX, installPackage, type InstallDeps } from './package-install.js';

const PROGRESS_EVERY_MS = 200;
/** The settings page waits on this for the size; a registry slower than that shows no size. */
const METADATA_WAIT_MS = 10_000;

export interface CudaSupport {
  status(): Promise<CudaStatus>;
  /** False when a download is already running or nothing is on offer here. */
  download(): boolean;
  cancel(): Promise<boolean>;
  remove(): Promise<boolean>;
  /** Package name → entry file of the installed CUDA package, for the engine process; empty when none. */
  packages(): Record<string, string>;
}

export interface CudaDeps extends InstallDeps {
  dataDir: string;
  offer: CudaOffer;
  registry?: string;
  emit: (progress: CudaProgress) => void;
  /** CUDA support came or went: the engine restarts to pick it up. */
  onChanged: () => void;
}

export function createCudaSupport(deps: CudaDeps): CudaSupport {
  const dir = join(deps.dataDir, 'engine-gpu');
  const registry = deps.registry ?? DEFAULT_NPM_REGISTRY;
  const offer = deps.offer;
  // Named with the version: a build for another node-llama-cpp is never taken for this one.
  const dest = offer.offered ? join(dir, `${offer.packageName.split('/').pop() ?? 'cuda'}@${offer.version}`) : '';
  let dist: PackageDist | undefined;
  let job: { abort: AbortController; done: Promise<void> } | undefined;
  let last: CudaProgress | undefined;
  clearLeftovers(dir, dest || undefined);

  const publish = (progress: CudaProgress) => {
    last = progress;
    deps.emit(progress);
  };

  const entryFile = (): string | undefined => {
    if (!offer.offered) return undefined;
    try {
      const pkg = JSON.parse(readFileSync(join(dest, 'package.json'), 'utf8')) as { name?: string; version?: string; main?: string; exports?: { '.'?: { import?: string; default?: string } } };
      if (pkg.name !== offer.packageName || pkg.version !== offer.version) return undefined;
      const entry = join(dest, pkg.exports?.['.']?.import ?? pkg.exports?.['.']?.default ?? pkg.main ?? 'index.js');
      return existsSync(entry) ? entry : undefined;
    } catch {
      return undefined;
    }
  };

  const metadata = async (signal: AbortSignal): Promise<PackageDist> => {
    if (!offer.offered) throw new Error(offer.reason);
    dist ??= await fetchPackageDist(registry, offer.packageName, offer.version, signal, deps.fetch);
    return dist;
  };

  async function status(): Promise<CudaStatus> {
    if (!offer.offered) return { offered: false, reason: offer.reason, installed: false };
    const base = { offered: true, packageName: offer.packageName, version: offer.version, folder: dir, ...(job && last ? { progress: last } : {}) };
    if (entryFile()) return { ...base, installed: true };
    try {
      const d = await metadata(AbortSignal.timeout(METADATA_WAIT_MS));
      return { ...base, installed: false, ...(d.downloadBytes ? { downloadBytes: d.downloadBytes } : {}), ...(d.unpackedSize ? { unpackedBytes: d.unpackedSize } : {}) };
    } catch (error) {
      return { ...base, installed: false, sizeError: registryWords(error) };
    }
  }

  function download(): boolean {
    if (!offer.offered || job) return false;
    const abort = new AbortController();
    let sentAt = 0;
    publish({ state: 'downloading', receivedBytes: 0, ...(dist?.downloadBytes ? { totalBytes: dist.downloadBytes } : {}) });
    const run = async () => {
      const d = await metadata(abort.signal);
      await installPackage(
        {
          name: offer.packageName,
          version: offer.version,
          dist: d,
          dest,
          signal: abort.signal,
          onProgress: (p) => {
            const now = Date.now();
            if (p.phase === 'downloading' && now - sentAt < PROGRESS_EVERY_MS) return;
            sentAt = now;
            publish({ state: p.phase, receivedBytes: p.receivedBytes, ...(p.totalBytes !== undefined ? { totalBytes: p.totalBytes } : {}) });
          },
        },
        deps,
      );
    };
    const done = run().then(
      () => {
        publish({ state: 'done', receivedBytes: last?.receivedBytes ?? 0, ...(last?.totalBytes !== undefined ? { totalBytes: last.totalBytes } : {}) });
        deps.onChanged();
      },
      (error: unknown) => {
        // The next try reads the registry again, in case what it said was the trouble.
        dist = undefined;
        if (abort.signal.aborted) return publish({ state: 'cancelled', receivedBytes: 0 });
        publish({ state: 'error', receivedBytes: last?.receivedBytes ?? 0, error: registryWords(error) });
      },
    );
    job = { abort, done: done.finally(() => (job = undefined)) };
    return true;
  }

  async function cancel(): Promise<boolean> {
    const running = job;
    if (!running) return false;
    running.abort.abort();
    // The temporary folder is gone once the install has let go of it.
    await running.done;
    return true;
  }

  async function remove(): Promise<boolean> {
    if (!dest || !existsSync(dest)) return false;
    await rm(dest, { recursive: true, force: true });
    last = undefined;
    deps.onChanged();
    return true;
  }

  return {
    status,
    download,
    cancel,
    remove,
    packages: () => {
      const entry = entryFile();
      return entry && offer.offered ? { [offer.packageName]: entry } : {};
    },
  };
}

/** A download cut by a quit, and builds for a node-llama-cpp this app no longer runs, go at start. */
function clearLeftovers(dir: string, keep: string | undefined): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (path !== keep && (name.startsWith(INCOMING_PREFIX) || /-cuda@/.test(name))) rmSync(path, { recursive: true, force: true });
  }
}

function registryWords(error: unknown): string {
  // The status call's own time limit, not the user: the registry was too slow.
  if (error instanceof DownloadError && error.kind === 'cancelled') return 'The package registry did not answer in time';
  if (error instanceof DownloadError) return error.message;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'The package registry did not answer in time';
  return messageOf(error);
}
