/**
 * What every download of the built-in engine shares (a model file, the CUDA
 * package): the failure kinds a user is told about, the disk check, and writing
 * a response body to a file with progress, a running hash and cancel.
 */
import type { Hash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { statfs } from 'node:fs/promises';

export type DownloadFailure = 'disk_full' | 'checksum' | 'http' | 'network' | 'cancelled';

export class DownloadError extends Error {
  constructor(readonly kind: DownloadFailure, message: string) {
    super(message);
  }
}

export interface DownloadProgress {
  receivedBytes: number;
  totalBytes?: number;
}

/** Room left over after a download, so it does not fill the disk to the last byte. */
export const DISK_MARGIN_BYTES = 64 * 1024 * 1024;

export async function statfsFreeBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

/** Throws `disk_full` in words when `needed` bytes (plus the margin) do not fit. */
export function checkRoom(free: number, needed: number, what: string): void {
  if (free < needed + DISK_MARGIN_BYTES) {
    throw new DownloadError('disk_full', `Not enough disk space: ${what} needs ${mb(needed)} more and ${mb(free)} is free`);
  }
}

export interface BodyTarget {
  path: string;
  /** Add to what the file already holds (a resumed download). */
  append?: boolean;
  /** Fed every byte written. */
  hash: Hash;
  /** Bytes already there before this body. */
  received: number;
  total?: number;
  signal: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
}

/** Writes the body to the file and returns the bytes the file now holds; a cut, a cancel or a full disk throws a DownloadError. */
export async function writeBody(response: Response, target: BodyTarget): Promise<number> {
  const out = createWriteStream(target.path, { flags: target.append ? 'a' : 'w' });
  let writeError: unknown;
  out.on('error', (error) => (writeError = error));
  let received = target.received;
  const total = target.total;
  const report = () => target.onProgress?.({ receivedBytes: received, ...(total !== undefined ? { totalBytes: total } : {}) });
  report();
  try {
    if (!response.body) throw new DownloadError('network', 'The download server sent no file');
    const reader = response.body.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      if (writeError) throw writeError;
      target.hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => (out.once('drain', resolve), out.once('error', () => resolve())));
      received += chunk.byteLength;
      report();
    }
  } catch (error) {
    if (target.signal.aborted) throw cancelled();
    if (isDiskFull(error ?? writeError)) throw diskFull();
    throw error instanceof DownloadError ? error : new DownloadError('network', `The download was cut off after ${mb(received)}: ${messageOf(error)}`);
  } finally {
    await new Promise<void>((resolve) => (out.writableFinished || out.destroyed ? resolve() : out.end(resolve)));
  }
  if (writeError) throw isDiskFull(writeError) ? diskFull() : writeError;
  return received;
}

/** A fetch whose failures read as a user would say them: stopped, or could not reach the host. */
export async function fetchOrExplain(doFetch: typeof fetch, url: string, signal: AbortSignal, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return await doFetch(url, { signal, headers });
  } catch (error) {
    throw signal.aborted ? cancelled() : new DownloadError('network', `Could not reach ${new URL(url).host}: ${messageOf(error)}`);
  }
}

export function isDiskFull(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'ENOSPC';
}

export function diskFull(): DownloadError {
  return new DownloadError('disk_full', 'The disk is full, so the download stopped');
}

export function cancelled(): DownloadError {
  return new DownloadError('cancelled', 'The download was stopped');
}

export function mb(bytes: number): string {
  return `${Math.ceil(bytes / 1_000_000)} MB`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
