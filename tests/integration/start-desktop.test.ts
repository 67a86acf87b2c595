/**
 * `npm start` on a machine where the Electron binary cannot be had (this one:
 * no internet): it must stop with one plain sentence saying what to do, before
 * it rebuilds native modules for Electron, so the CLI, the headless host and
 * the tests keep their Node builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const marker = join(root, 'node_modules', '.switchboard-native-runtime');
const runtime = () => (existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node');
const binaryPresent = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));

describe.skipIf(binaryPresent)('npm start without the Electron binary', () => {
  it('fails with one plain line, and leaves native modules built for Node', () => {
    const before = runtime();
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'start-desktop.mjs')], {
      cwd: root,
      encoding: 'utf8',
      // Pointing the download at a closed port makes the failure quick and certain, online or not.
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: join(root, '.tmp', 'no-electron-cache') },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    const errors = run.stderr.trim().split('\n').filter((l) => l.startsWith('switchboard:'));
    expect(errors).toEqual([expect.stringMatching(/^switchboard: the Electron binary could not be downloaded .*Check your connection and run `npm start` again; `npm run web` runs the app in a browser without Electron\.$/)]);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(runtime()).toBe(before);
    expect(runtime()).toBe('node');
  });
});
