/**
 * What the settings page drives: a curated model downloaded with progress,
 * paused and resumed, cancelled; a .gguf picked where it is; the list with
 * sizes; delete. Once a model is there, the engine is the chain's last link.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { EngineDownloadProgress } from '../../../shared/contract/calls-engine.js';
import type { CuratedModel } from '../../../shared/engine-catalog.js';
import { createCore, type Core } from '../../../electron/main/core/app-core.js';
import { createModelDownloads } from '../../../electron/main/core/engine/model-downloads.js';
import { createModelStore } from '../../../electron/main/core/engine/model-store.js';
import { nodeEngineLauncher } from '../../../electron/main/core/providers/engine/node-launcher.js';
import { MemorySecretStore } from '../../../electron/main/core/secrets/memory-secret-store.js';
import { startFileServer, type FakeFileServer } from '../../engine/fake-file-server.js';
import { writeTinyModel } from '../../engine/tiny-model.js';

const file = randomBytes(400 * 1024);
let server: FakeFileServer;
beforeAll(async () => {
  server = await startFileServer(file);
});
afterAll(() => server.close());

function rig() {
  const store = createModelStore(mkdtempSync(join(tmpdir(), 'sb-manager-')));
  const model: CuratedModel = {
    id: 'small', name: 'Small', file: 'small.gguf', url: server.url, sizeBytes: file.length, parameters: '1M',
    licence: 'MIT', contextLength: 512, sha256: createHash('sha256').update(file).digest('hex'), note: '',
  };
  const events: EngineDownloadProgress[] = [];
  let installed = 0;
  const downloads = createModelDownloads({ store, catalog: [model], emit: (p) => events.push(p), onInstalled: () => (installed += 1), freeBytes: async () => 100e9 });
  const until = async (state: EngineDownloadProgress['state']) => {
    while (events.at(-1)?.state !== state) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return { store, downloads, events, until, installed: () => installed };
}

describe('model downloads from the list', () => {
  test('progress goes out while downloading, then done; the model is listed and the app told', async () => {
    const r = rig();
    expect(r.downloads.start('small')).toBe(true);
    expect(r.downloads.start('small')).toBe(false);
    await r.until('done');
    expect(r.events[0]).toMatchObject({ state: 'downloading', totalBytes: file.length });
    expect(r.events.at(-1)).toEqual({ catalogId: 'small', state: 'done', receivedBytes: file.length, totalBytes: file.length });
    expect(r.store.list().map((m) => [m.id, m.sizeBytes])).toEqual([['small.gguf', file.length]]);
    expect(r.installed()).toBe(1);
  });

  test('pause keeps what came, download again resumes it; cancel throws the part away', async () => {
    server.chunkDelayMs = 20;
    const r = rig();
    r.downloads.start('small');
    while (!existsSync(join(r.store.dir, 'small.gguf.part'))) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(r.downloads.pause('small')).toBe(true);
    await r.until('paused');
    expect(r.store.list()).toEqual([]);
    r.downloads.start('small');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(server.requests.at(-1)?.range).toMatch(/^bytes=\d+-$/);
    await r.downloads.cancel('small');
    expect(r.events.at(-1)?.state).toBe('cancelled');
    expect(existsSync(join(r.store.dir, 'small.gguf.part'))).toBe(false);
    server.chunkDelayMs = 0;
  });

  test('a model that is not on the list is refused in words', () => {
    expect(() => rig().downloads.start('nope')).toThrow(/no model "nope" in the list/);
  });
});

describe('installed models through the contract', () => {
  let core: Core;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sb-engine-core-'));
    core = await createCore({ host: 'cli', dataDir, version: '0.0.0-test', env: {}, secretStore: new MemorySecretStore(), online: () => true, engineLauncher: nodeEngineLauncher() });
  });
  afterAll(() => core.close());

  test('a picked .gguf is listed with its size, becomes the last link, and delete only forgets it', async () => {
    const tiny = writeTinyModel();
    expect(core.settings().engineFallback).toBeUndefined();
    const picked = await core.handlers['engine.pick']({ path: tiny }, { senderId: 1 });
    expect(picked).toEqual({ id: tiny, sizeBytes: 473_312, external: true });
    const listed = await core.handlers['engine.models']({}, { senderId: 1 });
    expect(listed.models).toEqual([picked]);
    expect(listed.status).toEqual({ available: true, loaded: false });
    expect(core.settings().engineFallback).toEqual({ provider: 'engine', model: tiny });
    expect(await core.handlers['engine.delete']({ id: tiny }, { senderId: 1 })).toEqual({ deleted: true });
    expect(existsSync(tiny)).toBe(true);
    expect((await core.handlers['engine.models']({}, { senderId: 1 })).models).toEqual([]);
    expect(core.settings().engineFallback).toBeUndefined();
  });

  test('a file that is not a GGUF model is refused with a reason', async () => {
    const fake = join(dataDir, 'notes.gguf');
    writeFileSync(fake, 'hello');
    await expect(core.handlers['engine.pick']({ path: fake }, { senderId: 1 })).rejects.toThrow(/not a GGUF model/);
    await expect(core.handlers['engine.pick']({ path: join(dataDir, 'photo.jpg') }, { senderId: 1 })).rejects.toThrow(/not a .gguf model file/);
  });
});
