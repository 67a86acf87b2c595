/**
 * An npm registry as a client meets it, for one package: `GET /<name>` (the
 * scoped name with its slash escaped as `%2f`, or not) answers the packument,
 * `{ _id, name, "dist-tags", versions: { [v]: { name, version, dist: { tarball,
 * shasum, integrity, fileCount, unpackedSize } } }, time }`, and the tarball is
 * served under `/<name>/-/<basename>-<version>.tgz` with its Content-Length, to
 * GET and HEAD, in chunks a test can slow down.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RegistryPackage {
  name: string;
  version: string;
  tgz: Buffer;
  /** What the packument claims; a test sets another one to serve a damaged download. */
  integrity: string;
  unpackedSize?: number;
}

export interface FakeNpmRegistry {
  url: string;
  pkg: RegistryPackage;
  /** Paths asked for, with their method. */
  requests: string[];
  chunkDelayMs: number;
  close(): Promise<void>;
}

const CHUNK = 8 * 1024;

export async function startNpmRegistry(pkg: RegistryPackage): Promise<FakeNpmRegistry> {
  const state: FakeNpmRegistry = { url: '', pkg, requests: [], chunkDelayMs: 0, close: () => closeServer(server) };
  const tarballPath = () => `/${state.pkg.name}/-/${state.pkg.name.split('/').pop()}-${state.pkg.version}.tgz`;
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    state.requests.push(`${req.method} ${path}`);
    const p = state.pkg;
    if (path === `/${p.name}`) {
      const body = JSON.stringify(packument(p, `${state.url}${tarballPath()}`));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      return;
    }
    if (path !== tarballPath()) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Not found' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(p.tgz.length) });
    if (req.method === 'HEAD') return void res.end();
    for (let at = 0; at < p.tgz.length && !req.destroyed; at += CHUNK) {
      res.write(p.tgz.subarray(at, at + CHUNK));
      if (state.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, state.chunkDelayMs));
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function packument(p: RegistryPackage, tarball: string) {
  const shasum = createHash('sha1').update(p.tgz).digest('hex');
  return {
    _id: p.name,
    name: p.name,
    'dist-tags': { latest: p.version },
    versions: {
      // An older version beside it, as a real packument has: the client must pick the exact one.
      '0.0.1': { name: p.name, version: '0.0.1', dist: { tarball: tarball.replace(p.version, '0.0.1'), shasum: '0'.repeat(40), integrity: 'sha512-AAAA' } },
      [p.version]: {
        name: p.name,
        version: p.version,
        dist: { tarball, shasum, integrity: p.integrity, fileCount: 4, ...(p.unpackedSize !== undefined ? { unpackedSize: p.unpackedSize } : {}) },
      },
    },
    time: { created: '2024-01-01T00:00:00.000Z', [p.version]: '2025-01-01T00:00:00.000Z' },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
