/**
 * The Electron seam of the built-in engine: the launcher the app uses forks the
 * worker as a utilityProcess (the stand-in plays Electron's API over a Node child),
 * and the worker's parentPort side streams a real answer from the tiny model.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from '../../electron/main/core/providers/types.js';
import { engineCall, startEngine, TINY } from '../engine/engine-fixture.js';
import { CUDA_NAME, writeDownloadedPackage } from '../engine/fake-cuda-package.js';
import { nodeLlamaCppVersion } from '../../electron/main/core/engine/cuda-package.js';

vi.mock('electron', () => import('./stand-in-electron.js'));

const { utilityEngineLauncher } = await import('../../electron/main/engine-launcher.js');
const { recorded } = await import('./stand-in-electron.js');

/** An out/main stand-in: the built app has engine-worker.js beside main; here it runs the source. */
function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-out-main-'));
  const worker = fileURLToPath(new URL('../../electron/main/core/providers/engine/engine-worker.ts', import.meta.url));
  writeFileSync(join(dir, 'engine-worker.js'), `import ${JSON.stringify(pathToFileURL(worker).href)};\n`);
  return dir;
}

describe('the engine in an Electron utilityProcess', () => {
  const dir = outDir();
  const engine = startEngine({ launch: utilityEngineLauncher(dir) });
  afterAll(() => engine.host.close());

  it('forks the worker beside main as a named utility process, and streams an answer through parentPort', async () => {
    const events: StreamEvent[] = [];
    for await (const event of engine.adapter.stream({ model: TINY, messages: [{ role: 'user', content: 'Hello from the app' }], maxTokens: 12 }, engineCall())) events.push(event);
    expect(recorded.utilityForks.at(-1)).toEqual({ modulePath: join(dir, 'engine-worker.js'), serviceName: 'Switchboard engine' });
    expect(events.filter((e) => e.type === 'text').length).toBeGreaterThan(0);
    const done = events.at(-1);
    expect(done?.type === 'done' && done.usage?.outputTokens).toBeGreaterThan(0);
  }, 60_000);
});

describe('downloaded CUDA support in an Electron utilityProcess', () => {
  it('reaches node-llama-cpp there too: the worker gets the package on its command line, and answers on the CPU saying why', async () => {
    const pkg = writeDownloadedPackage(nodeLlamaCppVersion());
    process.env.FAKE_CUDA_MARKER = pkg.marker;
    const launch = utilityEngineLauncher(outDir());
    const engine = startEngine({ launch: () => launch({ packages: { [CUDA_NAME]: pkg.entry } }) });
    try {
      const types: string[] = [];
      for await (const event of engine.adapter.stream({ model: TINY, messages: [{ role: 'user', content: 'Hello' }], maxTokens: 4 }, engineCall())) types.push(event.type);
      expect(types.at(-1)).toBe('done');
      expect(readFileSync(pkg.marker, 'utf8')).toBe(join(pkg.dir, 'dist'));
      expect(await engine.host.status()).toMatchObject({ backend: 'cpu', gpuNote: 'CUDA support is installed, but no NVIDIA GPU answered; running on the CPU' });
    } finally {
      engine.host.close();
      delete process.env.FAKE_CUDA_MARKER;
    }
  }, 120_000);
});
