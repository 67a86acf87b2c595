/**
 * A stand-in for node-llama-cpp's CUDA package, shaped as the real one is
 * (`package/package.json`, `dist/index.js` exporting `getBinsDir`, and
 * `bins/linux-x64-cuda/` with an addon and its build metadata), packed as an
 * npm tarball. Its addon is not a real binary, so loading it fails as a CUDA
 * build does on a machine without an NVIDIA GPU; its `getBinsDir` leaves a
 * marker, so a test can see that node-llama-cpp's own lookup reached it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { create } from 'tar';

export const CUDA_NAME = '@node-llama-cpp/linux-x64-cuda';

export interface FakePackage {
  tgz: Buffer;
  integrity: string;
  unpackedSize: number;
}

export function integrityOf(data: Buffer): string {
  return `sha512-${createHash('sha512').update(data).digest('base64')}`;
}

/** The files of the package, keyed by their path inside the tarball (`package/...`, or anything for a hostile one). */
export function cudaPackageFiles(version: string): Record<string, string> {
  return {
    'package/package.json': JSON.stringify({ name: CUDA_NAME, version, type: 'module', main: 'dist/index.js', exports: { '.': { import: './dist/index.js', default: './dist/index.js' } } }),
    'package/dist/index.js': [
      "import path from 'node:path';",
      "import { writeFileSync } from 'node:fs';",
      "import { fileURLToPath } from 'node:url';",
      'const here = path.dirname(fileURLToPath(import.meta.url));',
      'export function getBinsDir() {',
      "  if (process.env.FAKE_CUDA_MARKER) writeFileSync(process.env.FAKE_CUDA_MARKER, here);",
      `  return { binsDir: path.join(here, '..', 'bins'), packageVersion: ${JSON.stringify(version)} };`,
      '}',
    ].join('\n'),
    'package/bins/linux-x64-cuda/llama-addon.node': 'not a real addon: loading it fails as a CUDA build does without an NVIDIA GPU',
    'package/bins/linux-x64-cuda/_nlcBuildMetadata.json': JSON.stringify({ buildOptions: { customCmakeOptions: {}, platform: 'linux', platformInfo: { name: 'Ubuntu', version: '22.04' }, arch: 'x64', gpu: 'cuda', llamaCpp: { repo: 'ggml-org/llama.cpp', release: 'b0' } } }),
  };
}

/**
 * Packs files into a gzipped tarball, as `npm pack` would. A hostile name (`..`,
 * absolute) is one node-tar will not write itself, so it goes in under a
 * placeholder and is renamed in its header afterwards.
 */
export async function packTarball(files: Record<string, string>): Promise<FakePackage> {
  const root = mkdtempSync(join(tmpdir(), 'sb-fake-pkg-'));
  const names = Object.keys(files);
  const stored = names.map((name, i) => (name.startsWith('/') || name.split('/').includes('..') ? `package/hostile-${i}` : name));
  names.forEach((name, i) => {
    const path = join(root, stored[i] as string);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, files[name] ?? '');
  });
  const out = join(root, 'out.tar');
  await create({ file: out, cwd: root, portable: true }, stored);
  const tar = readFileSync(out);
  for (let offset = 0; offset + 512 <= tar.length; offset += 512) {
    const index = stored.indexOf(tar.subarray(offset, offset + 100).toString('utf8').replace(/\0.*$/s, ''));
    if (index < 0 || stored[index] === names[index]) continue;
    tar.fill(0, offset, offset + 100);
    tar.write(names[index] as string, offset, 'utf8');
    // The header checksum: the sum of its bytes with the checksum field read as spaces.
    tar.fill(0x20, offset + 148, offset + 156);
    let sum = 0;
    for (let i = offset; i < offset + 512; i++) sum += tar[i] as number;
    tar.write(`${sum.toString(8).padStart(6, '0')}\0 `, offset + 148, 'latin1');
  }
  const tgz = gzipSync(tar);
  const unpackedSize = Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0);
  return { tgz, integrity: integrityOf(tgz), unpackedSize };
}

/** The package unpacked as the download leaves it (`<folder>/package.json`, `dist/`, `bins/`), with a marker path for its getBinsDir. */
export function writeDownloadedPackage(version: string): { dir: string; entry: string; marker: string } {
  const root = mkdtempSync(join(tmpdir(), 'sb-cuda-hook-'));
  const dir = join(root, 'engine-gpu', `linux-x64-cuda@${version}`);
  for (const [name, text] of Object.entries(cudaPackageFiles(version))) {
    const path = join(dir, name.replace(/^package\//, ''));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return { dir, entry: join(dir, 'dist', 'index.js'), marker: join(root, 'looked-up') };
}
