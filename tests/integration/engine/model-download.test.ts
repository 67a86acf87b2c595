/**
 * Downloading a model against a local file server: the user sees progress, a cut
 * connection resumes where it stopped, a damaged file is thrown away, and a full
 * disk is refused before anything is fetched.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { downloadModel, DownloadError, type DownloadProgress } from '../../../electron/main/core/engine/model-download.js';
import { createModelStore } from '../../../electron/main/core/engine/model-store.js';
import { startFileServer, type FakeFileServer } from '../../engine/fake-file-server.js';

const file = randomBytes(600 * 1024);
const sha256 = createHash('sha256').update(file).digest('hex');
const plenty = async () => 100e9;

let server: FakeFileServer;
let dataDir: string;
let dest: string;

beforeAll(async () => {
  server = await startFileServer(file);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.sentBytes = 0;
  server.ignoreRange = false;
  server.chunkDelayMs = 0;
  dataDir = mkdtempSync(join(tmpdir(), 'sb-download-'));
  dest = join(createModelStore(dataDir).dir, 'small-model.gguf');
});

async function failure(run: Promise<unknown>): Promise<DownloadError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof DownloadError) return error;
    throw error;
  }
  throw new Error('expected the download to fail');
}

describe('model download', () => {
  test('reports progress up to the full size and leaves only the verified file', async () => {
    const progress: DownloadProgress[] = [];
    const result = await downloadModel({ url: server.url, dest, sha256, signal: new AbortController().signal, onProgress: (p) => progress.push(p) }, { freeBytes: plenty });
    expect(result.bytes).toBe(file.length);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((p) => p.totalBytes === file.length)).toBe(true);
    expect(progress.map((p) => p.receivedBytes)).toEqual([...progress.map((p) => p.receivedBytes)].sort((a, b) => a - b));
    expect(progress.at(-1)?.receivedBytes).toBe(file.length);
    expect(readFileSync(dest).equals(file)).toBe(true);
    expect(existsSync(`${dest}.part`)).toBe(false);
    expect(createModelStore(dataDir).list().map((m) => [m.id, m.sizeBytes])).toEqual([['small-model.gguf', file.length]]);
  });

  test('a connection cut partway keeps the part (never listed), and the next try fetches only the rest', async () => {
    server.cutNextAfter(200 * 1024);
    const cut = await failure(downloadModel({ url: server.url, dest, sha256, signal: new AbortController().signal }, { freeBytes: plenty }));
    expect(cut.kind).toBe('network');
    expect(cut.message).toMatch(/cut off/);
    const partial = statSync(`${dest}.part`).size;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(file.length);
    expect(createModelStore(dataDir).list()).toEqual([]);

    server.sentBytes = 0;
    const progress: DownloadProgress[] = [];
    await downloadModel({ url: server.url, dest, sha256, signal: new AbortController().signal, onProgress: (p) => progress.push(p) }, { freeBytes: plenty });
    expect(server.requests.at(-1)?.range).toBe(`bytes=${partial}-`);
    expect(server.sentBytes).toBe(file.length - partial);
    expect(progress[0]?.receivedBytes).toBe(partial);
    expect(readFileSync(dest).equals(file)).toBe(true);
  });

  test('pause keeps the part and resume finishes it', async () => {
    server.chunkDelayMs = 5;
    const pause = new AbortController();
    const stopped = await failure(downloadModel({
      url: server.url, dest, sha256, signal: pause.signal,
      onProgress: (p) => p.receivedBytes > 100 * 1024 && pause.abort(),
    }, { freeBytes: plenty }));
    expect(stopped.kind).toBe('cancelled');
    expect(statSync(`${dest}.part`).size).toBeGreaterThan(100 * 1024);
    server.chunkDelayMs = 0;
    await downloadModel({ url: server.url, dest, sha256, signal: new AbortController().signal }, { freeBytes: plenty });
    expect(readFileSync(dest).equals(file)).toBe(true);
  });

  test('a server that ignores Range gets the file again from the start, still correct', async () => {
    server.cutNextAfter(100 * 1024);
    await failure(downloadModel({ url: server.url, dest, sha256, signal: new AbortController().signal }, { freeBytes: plenty }));
    server.ignoreRange = true;
    await downloadModel({ url: server.url, dest, sha256, signal: new AbortController().signal }, { freeBytes: plenty });
    expect(readFileSync(dest).equals(file)).toBe(true);
  });

  test('a file whose SHA-256 does not match is rejected and deleted, never named as a model', async () => {
    const wrong = createHash('sha256').update('something else').digest('hex');
    const bad = await failure(downloadModel({ url: server.url, dest, sha256: wrong, signal: new AbortController().signal }, { freeBytes: plenty }));
    expect(bad.kind).toBe('checksum');
    expect(bad.message).toMatch(/damaged or not the expected one/);
    expect(existsSync(dest)).toBe(false);
    expect(existsSync(`${dest}.part`)).toBe(false);
    expect(createModelStore(dataDir).list()).toEqual([]);
  });

  test('a disk too full for the model is refused before anything is fetched', async () => {
    const full = async () => 10 * 1024 * 1024;
    const refused = await failure(downloadModel({ url: server.url, dest, sha256, expectedBytes: 500_000_000, signal: new AbortController().signal }, { freeBytes: full }));
    expect(refused.kind).toBe('disk_full');
    expect(refused.message).toMatch(/Not enough disk space: the model needs 500 MB more and 11 MB is free/);
    expect(server.requests).toHaveLength(0);
    expect(existsSync(`${dest}.part`)).toBe(false);
  });

  test('without a size from the catalog, the server’s size is checked before the body is written', async () => {
    const refused = await failure(downloadModel({ url: server.url, dest, sha256, signal: new AbortController().signal }, { freeBytes: async () => 1024 }));
    expect(refused.kind).toBe('disk_full');
    expect(existsSync(`${dest}.part`)).toBe(false);
  });
});
