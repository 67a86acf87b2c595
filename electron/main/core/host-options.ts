/**
 * Options every Node host shares (headless host, CLI): where data lives and which
 * settings file to read. Errors are sentences; the hosts print them on one line.
 */
import { accessSync, constants, mkdirSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaultDataDir } from './paths.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const statOf = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/**
 * mkdir -p, one level at a time. Node's own recursive mkdir never returns on
 * pseudo file systems such as /proc, where a missing parent reads as ENOENT for
 * ever; a plain mkdir there fails at once with a code we can name.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!statOf(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  const existing = statOf(at);
  if (existing && !existing.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  for (const path of missing) mkdirSync(path);
}

export function resolveDataDir(flag: string | undefined): string {
  const dir = resolve(flag ?? defaultDataDir());
  try {
    makeDirs(dir);
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new UsageError(`cannot use data dir ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'not writable'}`);
  }
  return dir;
}

/** Settings files are small; anything bigger is not one, and reading it would only stall. */
const MAX_CONFIG_BYTES = 5_000_000;

export function resolveConfigFile(flag: string | undefined): string | undefined {
  if (flag === undefined) return undefined;
  const file = resolve(flag);
  const stat = statOf(file);
  if (!stat) throw new UsageError(`config file not found: ${file}`);
  // A FIFO or a device would block the read, or never end it.
  if (!stat.isFile()) throw new UsageError(`config file is not a regular file: ${file}`);
  if (stat.size > MAX_CONFIG_BYTES) throw new UsageError(`config file is too large to be a settings file (${stat.size} bytes): ${file}`);
  return file;
}

export function parsePort(flag: string | undefined): number {
  if (flag === undefined) return 0;
  const port = Number(flag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${flag}"`);
  return port;
}
