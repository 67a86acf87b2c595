/**
 * Installers can only be built and launched on GitHub's runners, so this pins
 * what the builder config and the workflows promise: the targets, the fuses,
 * native modules outside the asar, a smoke test on every runner, secrets kept
 * away from pull requests, and the e2e screenshots kept as artefacts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { ARTIFACTS } from '../../e2e/harness.js';

const root = join(import.meta.dirname, '..', '..', '..');
const load = (file: string) => parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

interface Target {
  target: string;
  arch?: string[];
}
interface Step {
  name?: string;
  run?: string;
  if?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix: { include?: { os: string }[]; os?: string[] } };
  steps: Step[];
}

describe('electron-builder configuration', () => {
  const config = load('electron-builder.yml');

  it("passes electron-builder's own schema, as a real build would check it", async () => {
    type Validate = (config: unknown, logger: unknown) => Promise<void>;
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration: Validate };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNodes: false } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });

  it('builds dmg and zip for both Mac architectures, NSIS for both Windows ones, AppImage and deb', () => {
    const mac = (config.mac as { target: Target[] }).target;
    expect(mac).toEqual(expect.arrayContaining([{ target: 'dmg', arch: ['x64', 'arm64'] }, { target: 'zip', arch: ['x64', 'arm64'] }]));
    expect((config.win as { target: Target[] }).target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
  });

  it('sets every fuse the checklist asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into an asar with every native module unpacked', () => {
    expect(config.asar).toBe(true);
    const unpacked = config.asarUnpack as string[];
    expect(unpacked).toContain('**/*.node');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const native of ['keytar', 'better-sqlite3', 'node-llama-cpp'].filter((n) => n in pkg.dependencies)) {
      expect(unpacked, native).toContain(`**/node_modules/${native}/**`);
    }
  });

  it('puts only its own OS and arch of the engine binaries in each installer, and never CUDA', () => {
    const engines = ['linux-x64', 'linux-x64-vulkan', 'linux-x64-cuda', 'linux-x64-cuda-ext', 'linux-arm64', 'linux-armv7l', 'mac-arm64-metal', 'mac-x64', 'win-x64', 'win-x64-vulkan', 'win-x64-cuda', 'win-arm64'];
    const shipped = (os: 'mac' | 'win' | 'linux', arch: string) => {
      const patterns = ((config[os] as { files: string[] }).files).map((p) => p.replaceAll('${arch}', arch).slice(1));
      return engines.filter((e) => !patterns.some((p) => minimatch(`app/node_modules/@node-llama-cpp/${e}/bins/x.node`, p)));
    };
    expect(shipped('linux', 'x64')).toEqual(['linux-x64', 'linux-x64-vulkan']);
    expect(shipped('win', 'x64')).toEqual(['win-x64', 'win-x64-vulkan']);
    expect(shipped('win', 'arm64')).toEqual(['win-arm64']);
    expect(shipped('mac', 'arm64')).toEqual(['mac-arm64-metal']);
    expect(shipped('mac', 'x64')).toEqual(['mac-x64']);
  });

  it('has an icon in every size each OS wants', () => {
    expect(config.mac).toMatchObject({ icon: 'resources/icon.icns' });
    expect(config.win).toMatchObject({ icon: 'resources/icon.ico' });
    expect(config.linux).toMatchObject({ icon: 'resources/icons' });
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) expect(existsSync(join(root, 'resources', 'icons', `${size}x${size}.png`)), `${size}px`).toBe(true);
    const ico = readFileSync(join(root, 'resources', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
    const icns = readFileSync(join(root, 'resources', 'icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    for (const type of ['icp4', 'icp5', 'ic07', 'ic08', 'ic09', 'ic10']) expect(icns.includes(Buffer.from(type)), type).toBe(true);
  });

  it('publishes to a draft GitHub release, which is what electron-updater reads', () => {
    expect(config.publish).toEqual([{ provider: 'github', releaseType: 'draft' }]);
  });
});

describe('release workflow', () => {
  const workflow = load('.github/workflows/release.yml');
  const job = (workflow.jobs as Record<string, Job>).build!;
  const runs = job.steps.map((s) => s.run ?? '').join('\n');

  it('builds each installer on its own OS runner', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy?.matrix.include?.map((m) => m.os).sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
  });

  it('runs only for pushed tags, never for pull requests, since it holds the signing secrets', () => {
    const on = workflow.on as Record<string, unknown>;
    expect(Object.keys(on)).not.toContain('pull_request');
    expect(Object.keys(on)).not.toContain('pull_request_target');
    expect(on.push).toEqual({ tags: ['v*'] });
  });

  it('publishes to a draft release and says when signing is skipped', () => {
    expect(runs).toMatch(/--publish always/);
    expect(runs).toMatch(/Signing: skipped, no CSC_LINK/);
    expect(runs).toMatch(/Notarisation: skipped/);
  });

  it('prints the fuses and smoke-tests the packaged app on every runner, under xvfb on Linux', () => {
    expect(runs).toMatch(/npx @electron\/fuses read --app/);
    expect(runs).toMatch(/xvfb-run .*--smoke-test/);
    expect(runs).toMatch(/"\$app" --smoke-test/);
    const smoke = job.steps.find((s) => s.name === 'Packaged-app smoke test');
    expect(smoke?.if).toBeUndefined();
  });
});

describe('CI workflow', () => {
  const workflow = load('.github/workflows/ci.yml');
  const job = (workflow.jobs as Record<string, Job>).test!;

  it("runs the README's npm test on all three OSes for every pull request, with no secrets", () => {
    expect(Object.keys(workflow.on as object)).toContain('pull_request');
    expect(job.strategy?.matrix.os?.sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    const text = readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8');
    expect(text).not.toMatch(/secrets\./);
    expect(job.steps.filter((s) => /npm test/.test(s.run ?? ''))).toHaveLength(2);
  });

  it('keeps the folder the e2e tests write their screenshots to as an artefact, failed run or not', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    expect(String(upload?.with?.path).replace(/\/$/, '')).toBe(relative(root, ARTIFACTS));
    // One artefact per runner: the three OSes' uploads would otherwise clash on one name.
    expect(upload?.with?.name).toMatch(/\$\{\{ matrix\.os \}\}/);
    expect(job.steps.indexOf(upload!)).toBe(job.steps.length - 1);
  });
});
