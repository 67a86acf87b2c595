/**
 * Auto-update against a real electron-updater and a fake release feed on
 * loopback: the user is asked before the download and before the install, a
 * download whose checksum does not match is never offered, and nothing is
 * fetched while updates are turned off.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUpdateService, type Question, type Updater } from '../../electron/main/update-service.js';

const require = createRequire(import.meta.url);
type UpdaterClass = new (options: unknown, app: unknown) => Updater & { httpExecutor: unknown; logger: unknown };
const { DebUpdater } = require('electron-updater') as { DebUpdater: UpdaterClass };
type Executor = { doDownload(options: unknown, task: unknown, redirects: number): void };
const { NodeHttpExecutor } = require('builder-util/out/nodeHttpExecutor.js') as { NodeHttpExecutor: new () => Executor };
const runtime = require('builder-util-runtime') as {
  configureRequestUrl(url: URL, options: object): void;
  configureRequestOptions(options: object): void;
};

interface DownloadOptions {
  headers?: Record<string, string>;
  cancellationToken: { createPromise<T>(fn: (resolve: (v: T) => void, reject: (e: Error) => void, onCancel: unknown) => void): Promise<T> };
}

/**
 * electron-updater downloads through Electron's net module; under Node the same
 * download (with its sha512 check, which lives in builder-util-runtime) runs
 * over node:http. This is the one method Node's executor lacks.
 */
class LoopbackExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers ?? undefined };
      runtime.configureRequestUrl(url, requestOptions);
      runtime.configureRequestOptions(requestOptions);
      this.doDownload(requestOptions, { destination, options, onCancel, responseHandler: null, callback: (error: Error | null) => (error ? reject(error) : resolve(destination)) }, 0);
    });
  }
}

const PACKAGE = Buffer.from('pretend this is Switchboard 9.9.9 as a .deb');

describe('auto-update from a release feed', () => {
  let server: Server;
  let feed: string;
  let served: string[] = [];
  let offered = { version: '9.9.9', sha512: createHash('sha512').update(PACKAGE).digest('base64') };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      served.push(path);
      if (/^\/latest.*\.yml$/.test(path)) {
        res.writeHead(200, { 'content-type': 'text/yaml' }).end(
          [
            `version: ${offered.version}`,
            'files:',
            `  - url: Switchboard-${offered.version}.deb`,
            `    sha512: ${offered.sha512}`,
            `    size: ${PACKAGE.length}`,
            `path: Switchboard-${offered.version}.deb`,
            `sha512: ${offered.sha512}`,
            `releaseDate: '2026-12-01T00:00:00.000Z'`,
          ].join('\n'),
        );
      } else if (path.endsWith('.deb')) {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(PACKAGE.length) }).end(PACKAGE);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    served = [];
    offered = { version: '9.9.9', sha512: createHash('sha512').update(PACKAGE).digest('base64') };
  });

  /** A real DebUpdater for an installed 0.1.0, fetching over Node's http (no Electron here). */
  function installedApp() {
    const dir = mkdtempSync(join(tmpdir(), 'sb-update-'));
    const config = join(dir, 'app-update.yml');
    writeFileSync(config, `provider: generic\nurl: ${feed}\nupdaterCacheDirName: switchboard-updater\n`);
    const app = { version: '0.1.0', name: 'Switchboard', isPackaged: true, appUpdateConfigPath: config, userDataPath: dir, baseCachePath: dir, whenReady: async () => undefined, relaunch: () => undefined, quit: () => undefined, onQuit: () => undefined };
    // The feed comes from app-update.yml, as in an installed build.
    const updater = new DebUpdater(null, app);
    updater.httpExecutor = new LoopbackExecutor();
    updater.logger = null;
    const install = vi.fn();
    updater.quitAndInstall = install;
    return { updater, install };
  }

  function service(updater: Updater, answers: boolean[], enabled = true) {
    const asked: Question[] = [];
    const logged: string[] = [];
    const settled = new Promise<void>((resolve) => {
      updater.on('update-downloaded', () => setTimeout(resolve, 50));
      updater.on('error', () => setTimeout(resolve, 50));
    });
    const updates = createUpdateService({
      updater,
      enabled: () => enabled,
      ask: async (q) => {
        asked.push(q);
        return answers.shift() ?? false;
      },
      log: { info: (l: string) => logged.push(l), warn: (l: string) => logged.push(l) },
      setInterval: () => undefined,
    });
    return { updates, asked, logged, settled };
  }

  it('asks before downloading and again before installing, and installs only on a second yes', async () => {
    const { updater, install } = installedApp();
    const { updates, asked, settled } = service(updater, [true, true]);
    await updates.check();
    await settled;
    expect(asked).toEqual([
      { kind: 'download', version: '9.9.9' },
      { kind: 'install', version: '9.9.9' },
    ]);
    expect(served).toContain('/Switchboard-9.9.9.deb');
    await vi.waitFor(() => expect(install).toHaveBeenCalledTimes(1));
  });

  it('downloads nothing when the user says later', async () => {
    const { updater, install } = installedApp();
    const { updates, asked } = service(updater, [false]);
    await updates.check();
    await vi.waitFor(() => expect(asked).toEqual([{ kind: 'download', version: '9.9.9' }]));
    await new Promise((r) => setTimeout(r, 200));
    expect(served.some((u) => u.endsWith('.deb'))).toBe(false);
    expect(install).not.toHaveBeenCalled();
  });

  it('never offers to install a download whose checksum does not match', async () => {
    offered.sha512 = createHash('sha512').update('something else').digest('base64');
    const { updater, install } = installedApp();
    const { updates, asked, logged, settled } = service(updater, [true, true]);
    await updates.check();
    await settled;
    expect(asked.map((q) => q.kind)).toEqual(['download']);
    expect(logged.join('\n')).toMatch(/sha512 checksum mismatch/);
    expect(install).not.toHaveBeenCalled();
  });

  it('asks nothing when the installed version is the newest', async () => {
    offered.version = '0.1.0';
    const { updater } = installedApp();
    const { updates, asked } = service(updater, [true]);
    await updates.check();
    expect(served.some((u) => u.endsWith('.yml'))).toBe(true);
    expect(asked).toEqual([]);
  });

  it('fetches nothing while updates are turned off in settings', async () => {
    const { updater } = installedApp();
    const { updates, asked } = service(updater, [true], false);
    updates.start();
    await updates.check();
    expect(served).toEqual([]);
    expect(asked).toEqual([]);
  });
});
