/**
 * Downloads one model file over HTTP into `<name>.part`, resuming a part left by
 * a pause, a cut connection or a quit (HTTP Range), refusing up front when the
 * disk cannot hold it, and moving it to its real name only once its SHA-256
 * matches: a partial or corrupt file never carries a name the engine would load.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PART_SUFFIX } from './model-store.js';
import { checkRoom, DownloadError, fetchOrExplain, mb, statfsFreeBytes, writeBody, type DownloadProgress } from './download-io.js';

export { DownloadError, statfsFreeBytes, type DownloadFailure, type DownloadProgress } from './download-io.js';

export interface DownloadRequest {
  url: string;
  /** The finished file's path; the download writes `dest.part` until it is verified. */
  dest: string;
  sha256: string;
  /** The catalog's size, for the disk check before the first byte is asked for. */
  expectedBytes?: number;
  signal: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
}

export interface DownloadDeps {
  fetch?: typeof fetch;
  /** Free bytes on the disk holding `dir`; injected so tests can fill the disk. */
  freeBytes?: (dir: string) => Promise<number>;
}

export async function downloadModel(request: DownloadRequest, deps: DownloadDeps = {}): Promise<{ path: string; bytes: number }> {
  const doFetch = deps.fetch ?? fetch;
  const freeBytes = deps.freeBytes ?? statfsFreeBytes;
  const part = request.dest + PART_SUFFIX;
  const dir = dirname(request.dest);
  await mkdir(dir, { recursive: true });
  let have = await sizeOf(part);

  const checkDisk = async (total: number) => {
    checkRoom(await freeBytes(dir), Math.max(0, total - have), 'the model');
  };
  if (request.expectedBytes) await checkDisk(request.expectedBytes);

  const response = await fetchOrExplain(doFetch, request.url, request.signal, have > 0 ? { range: `bytes=${have}-` } : {});
  if (response.status === 416 && have > 0) {
    // The part already holds the whole file (a quit between the last byte and the check).
    await response.body?.cancel();
    return finish(request, part, have);
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel();
    throw new DownloadError('http', `The download server answered ${response.status} ${response.statusText}`.trim());
  }
  // A server that ignores Range sends the whole file again: start over.
  const append = response.status === 206 && have > 0;
  if (!append) have = 0;
  const total = totalOf(response, have);
  if (total !== undefined) await checkDisk(total);

  const hash = createHash('sha256');
  if (append) for await (const chunk of createReadStream(part)) hash.update(chunk as Buffer);
  const received = await writeBody(response, { path: part, append, hash, received: have, ...(total !== undefined ? { total } : {}), signal: request.signal, ...(request.onProgress ? { onProgress: request.onProgress } : {}) });
  if (total !== undefined && received < total) throw new DownloadError('network', `The download was cut off after ${mb(received)} of ${mb(total)}`);
  return finish(request, part, received, hash.digest('hex'));
}

async function finish(request: DownloadRequest, part: string, bytes: number, digest?: string): Promise<{ path: string; bytes: number }> {
  const actual = digest ?? (await hashFile(part));
  if (actual !== request.sha256.toLowerCase()) {
    await unlink(part).catch(() => undefined);
    throw new DownloadError('checksum', `The downloaded file is damaged or not the expected one (SHA-256 ${actual.slice(0, 12)}… instead of ${request.sha256.slice(0, 12)}…); it was deleted`);
  }
  await rename(part, request.dest);
  return { path: request.dest, bytes };
}

function totalOf(response: Response, have: number): number | undefined {
  const range = /\/(\d+)\s*$/.exec(response.headers.get('content-range') ?? '');
  if (range?.[1]) return Number(range[1]);
  const length = Number(response.headers.get('content-length'));
  return Number.isFinite(length) && length > 0 ? have + length : undefined;
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}
