/**
 * Which of node-llama-cpp's prebuilt CUDA packages this computer would load, at
 * the version node-llama-cpp itself expects (its loader ignores a package of any
 * other version), or why CUDA is not on offer here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type CudaOffer =
  | { offered: true; packageName: string; version: string }
  | { offered: false; reason: string };

/**
 * node-llama-cpp (bindings/utils/compileLLamaCpp.js) imports `@node-llama-cpp/<os>-x64-cuda`
 * and, beside it, an optional `-cuda-ext`. The user gets the first one only: it holds the
 * addon and the CUDA backend, and it is all the loader needs (without the ext it simply
 * has no second try). The ext is only a fallback copy of the CUDA backend, built against
 * an older CUDA runtime (12, where 3.21.1's main build links 13), and at ~370 MB unpacked
 * it would triple the download for the few machines it helps.
 */
export function cudaOfferFor(platform: NodeJS.Platform, arch: string, version: string): CudaOffer {
  if (platform === 'darwin') return { offered: false, reason: 'NVIDIA GPUs are not supported on macOS; the built-in engine uses Metal on Apple silicon, else the CPU.' };
  const os = platform === 'linux' ? 'linux' : platform === 'win32' ? 'win' : undefined;
  if (!os) return { offered: false, reason: `There is no CUDA build of the built-in engine for ${platform}.` };
  if (arch !== 'x64') return { offered: false, reason: `There is no CUDA build of the built-in engine for ${arch} processors, only for 64-bit Intel and AMD ones.` };
  return { offered: true, packageName: `@node-llama-cpp/${os}-x64-cuda`, version };
}

/** The version in node-llama-cpp's own package.json, read where Node resolves it from here. */
export function nodeLlamaCppVersion(): string {
  const require = createRequire(import.meta.url);
  // Its exports do not include package.json: find it beside the resolved entry.
  let dir = dirname(require.resolve('node-llama-cpp'));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'node-llama-cpp' && pkg.version) return pkg.version;
    } catch {
      // Not here: look one folder up.
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('node-llama-cpp is not installed');
    dir = up;
  }
}

export function cudaOfferHere(): CudaOffer {
  try {
    return cudaOfferFor(process.platform, process.arch, nodeLlamaCppVersion());
  } catch (error) {
    // A broken install must not stop the app from starting: only this offer goes.
    return { offered: false, reason: `The built-in engine's files are missing, so there is nothing to add CUDA to (${error instanceof Error ? error.message : String(error)}).` };
  }
}
