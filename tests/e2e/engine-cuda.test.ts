/**
 * CUDA support as a user gets it in Settings → Local, through the headless host
 * with its package registry pointed at a fake one (`SWITCHBOARD_NPM_REGISTRY`):
 * the size is shown before the click, a damaged download is refused in plain
 * words, a good one ends "Installed", and Remove takes it away again.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { nodeLlamaCppVersion } from '../../electron/main/core/engine/cuda-package.js';
import { CUDA_NAME, cudaPackageFiles, integrityOf, packTarball, type FakePackage } from '../engine/fake-cuda-package.js';
import { startNpmRegistry, type FakeNpmRegistry } from '../engine/fake-npm-registry.js';
import { cleanEnv, launchBrowser, openApp, openSettings, startHost, tempDataDir, type RunningHost } from './harness.js';

// The host runs here, on Linux x64, where node-llama-cpp has a CUDA build to offer.
describe.runIf(process.platform === 'linux' && process.arch === 'x64')('CUDA support download', () => {
  let browser: Browser;
  let host: RunningHost;
  let page: Page;
  let registry: FakeNpmRegistry;
  let pkg: FakePackage;
  let dataDir: string;
  const version = nodeLlamaCppVersion();

  beforeAll(async () => {
    pkg = await packTarball(cudaPackageFiles(version));
    registry = await startNpmRegistry({ name: CUDA_NAME, version, tgz: pkg.tgz, integrity: integrityOf(Buffer.from('not this tarball')), unpackedSize: pkg.unpackedSize });
    dataDir = tempDataDir();
    [browser, host] = await Promise.all([launchBrowser(), startHost(['--data-dir', dataDir], cleanEnv({ SWITCHBOARD_NPM_REGISTRY: registry.url }))]);
    page = await openApp(browser, host.url);
    await openSettings(page, 'local');
  });

  afterAll(async () => {
    await host?.stop();
    await browser?.close();
    await registry?.close();
  });

  const row = () => page.getByTestId('engine-cuda');

  it('shows the download size from the registry before anything is fetched', async () => {
    await expect.poll(() => page.getByTestId('engine-cuda-download').innerText()).toMatch(/^Download CUDA support \([\d.]+ (B|KB) download, [\d.]+ (B|KB) on disk\)$/);
    expect(registry.requests.filter((r) => r.startsWith('GET') && r.endsWith('.tgz'))).toEqual([]);
  });

  it('refuses a download that does not match its checksum, and keeps nothing', async () => {
    await page.getByTestId('engine-cuda-download').click();
    await expect.poll(() => page.getByTestId('engine-cuda-error').innerText(), { timeout: 20_000 }).toMatch(/^The download did not match its checksum .*nothing was kept$/);
    expect(await row().getAttribute('data-state')).toBe('offered');
    expect(readdirSync(join(dataDir, 'engine-gpu'))).toEqual([]);
  });

  it('installs a good download, then removes it once confirmed', async () => {
    registry.pkg = { ...registry.pkg, integrity: pkg.integrity };
    await page.getByTestId('engine-cuda-download').click();
    await expect.poll(() => row().getAttribute('data-state'), { timeout: 20_000 }).toBe('installed');
    expect(await page.getByTestId('engine-cuda-installed').innerText()).toBe('Installed');
    const folder = join(dataDir, 'engine-gpu', `linux-x64-cuda@${version}`);
    expect(existsSync(join(folder, 'package.json'))).toBe(true);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('engine-cuda-remove').click();
    await expect.poll(() => row().getAttribute('data-state')).toBe('offered');
    expect(existsSync(folder)).toBe(false);
  });
});
