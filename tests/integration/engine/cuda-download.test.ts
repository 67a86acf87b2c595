/**
 * CUDA support as a download, against a fake npm registry serving a real-shaped
 * packument and a tarball built here: the user sees the size before agreeing,
 * progress, then an installed package the engine process is told about; a
 * damaged download, a cancel, a hostile tarball, an unreachable registry or a
 * full disk keep nothing; and on macOS it is not offered at all.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { CudaProgress } from '../../../shared/contract/calls-engine-cuda.js';
import { cudaOfferFor } from '../../../electron/main/core/engine/cuda-package.js';
import { createCudaSupport, type CudaSupport } from '../../../electron/main/core/engine/cuda-support.js';
import { closedPort } from '../../engine/closed-port.js';
import { CUDA_NAME, cudaPackageFiles, integrityOf, packTarball, type FakePackage } from '../../engine/fake-cuda-package.js';
import { startNpmRegistry, type FakeNpmRegistry } from '../../engine/fake-npm-registry.js';

const VERSION = '3.21.1';
const offer = cudaOfferFor('linux', 'x64', VERSION);
let good: FakePackage;
let registry: FakeNpmRegistry;
let dataDir: string;
let progress: CudaProgress[];
let changes: number;

beforeAll(async () => {
  // Padding makes the tarball big enough for several progress events and a cancel midway.
  good = await packTarball({ ...cudaPackageFiles(VERSION), 'package/bins/linux-x64-cuda/libpadding.so': 'x'.repeat(64) + randomText(400_000) });
  registry = await startNpmRegistry({ name: CUDA_NAME, version: VERSION, tgz: good.tgz, integrity: good.integrity, unpackedSize: good.unpackedSize });
});
afterAll(() => registry.close());
beforeEach(() => {
  registry.pkg = { name: CUDA_NAME, version: VERSION, tgz: good.tgz, integrity: good.integrity, unpackedSize: good.unpackedSize };
  registry.chunkDelayMs = 0;
  dataDir = mkdtempSync(join(tmpdir(), 'sb-cuda-'));
  progress = [];
  changes = 0;
});

function randomText(length: number): string {
  let text = '';
  while (text.length < length) text += Math.random().toString(36).slice(2);
  return text.slice(0, length);
}

function support(extra: Partial<Parameters<typeof createCudaSupport>[0]> = {}): CudaSupport {
  return createCudaSupport({ dataDir, offer, registry: registry.url, emit: (p) => progress.push(p), onChanged: () => changes++, freeBytes: async () => 100e9, ...extra });
}

async function settled(): Promise<CudaProgress> {
  await expect.poll(() => progress.at(-1)?.state, { timeout: 20_000 }).toMatch(/^(done|error|cancelled)$/);
  return progress.at(-1) as CudaProgress;
}

/** Whatever is in the data folder's engine-gpu/, temporary folders included. */
function leftInPlace(): string[] {
  const dir = join(dataDir, 'engine-gpu');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('CUDA support download', () => {
  test('shows the size before the download, reports progress, and leaves the package where the engine is told to load it', async () => {
    const cuda = support();
    const before = await cuda.status();
    expect(before).toMatchObject({ offered: true, installed: false, packageName: CUDA_NAME, version: VERSION, downloadBytes: good.tgz.length, unpackedBytes: good.unpackedSize });
    expect(cuda.packages()).toEqual({});

    expect(cuda.download()).toBe(true);
    expect(cuda.download()).toBe(false);
    expect(await settled()).toMatchObject({ state: 'done' });
    const downloading = progress.filter((p) => p.state === 'downloading');
    expect(downloading.length).toBeGreaterThan(0);
    expect(downloading.every((p) => p.totalBytes === good.tgz.length)).toBe(true);
    expect(progress.map((p) => p.state)).toContain('unpacking');

    const folder = join(dataDir, 'engine-gpu', `linux-x64-cuda@${VERSION}`);
    expect(leftInPlace()).toEqual([`linux-x64-cuda@${VERSION}`]);
    expect(JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'))).toMatchObject({ name: CUDA_NAME, version: VERSION });
    expect(existsSync(join(folder, 'bins', 'linux-x64-cuda', 'llama-addon.node'))).toBe(true);
    expect(cuda.packages()).toEqual({ [CUDA_NAME]: join(folder, 'dist', 'index.js') });
    expect(changes).toBe(1);
    expect(await cuda.status()).toMatchObject({ installed: true });
    // A restart of the app finds it installed, with no new download.
    expect((await support().status()).installed).toBe(true);

    expect(await cuda.remove()).toBe(true);
    expect(leftInPlace()).toEqual([]);
    expect(cuda.packages()).toEqual({});
    expect(changes).toBe(2);
  });

  test('a download that does not match its checksum is refused and nothing is kept', async () => {
    registry.pkg = { ...registry.pkg, integrity: integrityOf(Buffer.from('some other tarball')) };
    const cuda = support();
    cuda.download();
    const end = await settled();
    expect(end.state).toBe('error');
    expect(end.error).toMatch(/^The download did not match its checksum .*nothing was kept$/);
    expect(leftInPlace()).toEqual([]);
    expect(cuda.packages()).toEqual({});
    expect(changes).toBe(0);
  });

  test('cancel midway stops the download and keeps nothing', async () => {
    registry.chunkDelayMs = 20;
    const cuda = support();
    cuda.download();
    await expect.poll(() => progress.some((p) => p.state === 'downloading' && p.receivedBytes > 0), { timeout: 10_000 }).toBe(true);
    expect(await cuda.cancel()).toBe(true);
    expect(progress.at(-1)).toMatchObject({ state: 'cancelled', receivedBytes: 0 });
    expect(leftInPlace()).toEqual([]);
    expect((await cuda.status()).installed).toBe(false);
  });

  test('a tarball with an entry that climbs out of its folder is rejected, and nothing is written anywhere', async () => {
    const hostile = await packTarball({ ...cudaPackageFiles(VERSION), 'package/../../escaped.js': 'console.log("owned")' });
    registry.pkg = { ...registry.pkg, tgz: hostile.tgz, integrity: hostile.integrity };
    const cuda = support();
    cuda.download();
    const end = await settled();
    expect(end.state).toBe('error');
    expect(end.error).toMatch(/outside its folder \(package\/\.\.\/\.\.\/escaped\.js\); nothing was kept/);
    expect(leftInPlace()).toEqual([]);
    expect(existsSync(join(dataDir, 'escaped.js'))).toBe(false);
    expect(existsSync(join(dataDir, 'engine-gpu', 'escaped.js'))).toBe(false);
  });

  test('an absolute path in the tarball is rejected as well', async () => {
    const target = join(dataDir, 'absolute.js');
    const hostile = await packTarball({ ...cudaPackageFiles(VERSION), [target]: 'x' });
    registry.pkg = { ...registry.pkg, tgz: hostile.tgz, integrity: hostile.integrity };
    support().download();
    expect((await settled()).error).toMatch(/outside its folder/);
    expect(existsSync(target)).toBe(false);
    expect(leftInPlace()).toEqual([]);
  });

  test('an unreachable registry says so, both for the size and for the download', async () => {
    const cuda = support({ registry: `http://127.0.0.1:${await closedPort()}` });
    const status = await cuda.status();
    expect(status.installed).toBe(false);
    expect(status.downloadBytes).toBeUndefined();
    expect(status.sizeError).toMatch(/^Could not reach 127\.0\.0\.1:\d+/);
    cuda.download();
    expect((await settled()).error).toMatch(/^Could not reach 127\.0\.0\.1/);
    expect(leftInPlace()).toEqual([]);
  });

  test('a disk without room is refused before anything is fetched', async () => {
    const cuda = support({ freeBytes: async () => 1_000_000 });
    await cuda.status();
    registry.requests.length = 0;
    cuda.download();
    expect((await settled()).error).toMatch(/^Not enough disk space/);
    expect(registry.requests.filter((r) => r.startsWith('GET') && r.endsWith('.tgz'))).toEqual([]);
    expect(leftInPlace()).toEqual([]);
  });

  test('is offered for Linux and Windows on x64 only, with a reason elsewhere', () => {
    expect(cudaOfferFor('win32', 'x64', VERSION)).toEqual({ offered: true, packageName: '@node-llama-cpp/win-x64-cuda', version: VERSION });
    const mac = cudaOfferFor('darwin', 'arm64', VERSION);
    expect(mac).toEqual({ offered: false, reason: expect.stringMatching(/not supported on macOS/) });
    expect(cudaOfferFor('linux', 'arm64', VERSION)).toMatchObject({ offered: false, reason: expect.stringMatching(/arm64/) });
  });

  test('on macOS nothing is offered, fetched or downloaded', async () => {
    const cuda = support({ offer: cudaOfferFor('darwin', 'x64', VERSION) });
    registry.requests.length = 0;
    expect(await cuda.status()).toEqual({ offered: false, reason: expect.stringMatching(/macOS/), installed: false });
    expect(cuda.download()).toBe(false);
    expect(registry.requests).toEqual([]);
  });
});
