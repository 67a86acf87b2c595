/**
 * CUDA support the user downloaded is found by node-llama-cpp's own loader in
 * the engine process, and on this machine (no NVIDIA GPU) the engine still
 * answers, on the CPU, and says why it is not on CUDA.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { nodeLlamaCppVersion } from '../../../electron/main/core/engine/cuda-package.js';
import { nodeEngineLauncher } from '../../../electron/main/core/providers/engine/node-launcher.js';
import { engineCall, startEngine, TINY, type EngineFixture } from '../../engine/engine-fixture.js';
import { CUDA_NAME, writeDownloadedPackage } from '../../engine/fake-cuda-package.js';

let engine: EngineFixture | undefined;
afterEach(() => {
  engine?.host.close();
  engine = undefined;
  delete process.env.FAKE_CUDA_MARKER;
});

describe('downloaded CUDA support in the engine process', () => {
  test('node-llama-cpp, asked for CUDA, imports the downloaded package rather than anything in node_modules', async () => {
    const pkg = writeDownloadedPackage(nodeLlamaCppVersion());
    const child = fileURLToPath(new URL('../../engine/cuda-hook-child.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, CUDA_NAME, pkg.entry], {
      env: { ...process.env, FAKE_CUDA_MARKER: pkg.marker },
      timeout: 60_000,
    });
    const result = JSON.parse(stdout) as { resolved: string; loaded: string };
    expect(result.resolved).toBe(pathToFileURL(pkg.entry).href);
    // node-llama-cpp's own lookup called the downloaded package's getBinsDir...
    expect(readFileSync(pkg.marker, 'utf8')).toBe(join(pkg.dir, 'dist'));
    // ...and its addon, like a real CUDA build without an NVIDIA GPU, did not load.
    expect(result.loaded).toMatch(/^failed/);
  }, 90_000);

  test('the engine answers on the CPU and says CUDA is installed but no NVIDIA GPU answered', async () => {
    const pkg = writeDownloadedPackage(nodeLlamaCppVersion());
    process.env.FAKE_CUDA_MARKER = pkg.marker;
    const launch = nodeEngineLauncher();
    engine = startEngine({ launch: () => launch({ packages: { [CUDA_NAME]: pkg.entry } }) });
    const types: string[] = [];
    for await (const event of engine.adapter.stream({ model: TINY, messages: [{ role: 'user', content: 'Hello' }], maxTokens: 4 }, engineCall())) types.push(event.type);
    expect(types.at(-1)).toBe('done');
    expect(readFileSync(pkg.marker, 'utf8')).toBe(join(pkg.dir, 'dist'));
    const status = await engine.host.status();
    expect(status).toMatchObject({ loaded: true, backend: 'cpu', gpuNote: 'CUDA support is installed, but no NVIDIA GPU answered; running on the CPU' });
  }, 120_000);
});
