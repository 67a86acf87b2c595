/**
 * Installs one npm package into a folder of its own: the tarball is fetched into
 * a temporary folder beside the destination, its SHA-512 checked against the
 * registry's `dist.integrity`, unpacked there, and only then renamed into place,
 * so a cut, cancelled or damaged download never leaves a folder anything loads.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkRoom, DownloadError, fetchOrExplain, mb, statfsFreeBytes, writeBody, type DownloadProgress } from './download-io.js';
import type { PackageDist } from './npm-registry.js';
import { unpackPackage } from './package-unpack.js';

/** Where a half-finished install lives; never a name anything reads as installed. */
export const INCOMING_PREFIX = '.incoming-';

export interface InstallRequest {
  name: string;
  version: string;
  dist: PackageDist;
  /** The finished package's folder (its package.json directly inside). */
  dest: string;
  signal: AbortSignal;
  onProgress?: (progress: DownloadProgress & { phase: 'downloading' | 'unpacking' }) => void;
}

export interface InstallDeps {
  fetch?: typeof fetch;
  freeBytes?: (dir: string) => Promise<number>;
}

export async function installPackage(request: InstallRequest, deps: InstallDeps = {}): Promise<void> {
  const parent = dirname(request.dest);
  await mkdir(parent, { recursive: true });
  const expected = sha512Of(request.dist.integrity);
  const download = request.dist.downloadBytes;
  // Unpacked files plus the tarball while both exist; without the registry's figure, a generous guess.
  const needed = (download ?? 0) + (request.dist.unpackedSize ?? (download ?? 0) * 3);
  checkRoom(await (deps.freeBytes ?? statfsFreeBytes)(parent), needed, `${request.name}`);

  const temp = join(parent, `${INCOMING_PREFIX}${basename(request.dest)}-${randomBytes(4).toString('hex')}`);
  await mkdir(temp);
  try {
    const response = await fetchOrExplain(deps.fetch ?? fetch, request.dist.tarball, request.signal);
    if (!response.ok) {
      await response.body?.cancel();
      throw new DownloadError('http', `The package registry answered ${response.status} ${response.statusText} for the download`.trim());
    }
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : download;
    const hash = createHash('sha512');
    const tgz = join(temp, 'package.tgz');
    const onProgress = request.onProgress;
    const received = await writeBody(response, {
      path: tgz,
      hash,
      received: 0,
      ...(total !== undefined ? { total } : {}),
      signal: request.signal,
      ...(onProgress ? { onProgress: (p: DownloadProgress) => onProgress({ ...p, phase: 'downloading' }) } : {}),
    });
    if (total !== undefined && received < total) throw new DownloadError('network', `The download was cut off after ${mb(received)} of ${mb(total)}; nothing was kept`);
    const actual = hash.digest('base64');
    if (!expected.includes(actual)) {
      throw new DownloadError('checksum', `The download did not match its checksum (SHA-512 ${actual.slice(0, 12)}… instead of ${expected[0]?.slice(0, 12)}…); nothing was kept`);
    }
    if (request.signal.aborted) throw new DownloadError('cancelled', 'The download was stopped');
    onProgress?.({ receivedBytes: received, ...(total !== undefined ? { totalBytes: total } : {}), phase: 'unpacking' });
    const unpacked = join(temp, 'package');
    await mkdir(unpacked);
    await unpackPackage(tgz, unpacked);
    checkManifest(unpacked, request.name, request.version);
    await rm(request.dest, { recursive: true, force: true });
    await rename(unpacked, request.dest);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** The base64 SHA-512 digests an SRI string allows; npm's carry one, a stricter string may carry more. */
export function sha512Of(integrity: string): string[] {
  const digests = integrity
    .trim()
    .split(/\s+/)
    .filter((part) => part.startsWith('sha512-'))
    .map((part) => part.slice('sha512-'.length).split('?')[0] ?? '');
  if (digests.length === 0) throw new DownloadError('checksum', 'The package registry gave no SHA-512 checksum for this package, so it cannot be checked; nothing was downloaded');
  return digests;
}

function checkManifest(dir: string, name: string, version: string): void {
  let pkg: { name?: unknown; version?: unknown };
  try {
    pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof pkg;
  } catch {
    throw new DownloadError('checksum', `The download is not an npm package (it has no package.json); nothing was kept`);
  }
  if (pkg.name !== name || pkg.version !== version) {
    throw new DownloadError('checksum', `The download is ${String(pkg.name)}@${String(pkg.version)}, not ${name}@${version}; nothing was kept`);
  }
}
