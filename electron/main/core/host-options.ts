/**
 * Options every Node host shares (headless host, CLI): where data lives and which
 * settings file to read. Errors are sentences; the hosts print them on one line.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaultDataDir } from './paths.js';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function resolveDataDir(flag: string | undefined): string {
  const dir = resolve(flag ?? defaultDataDir());
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot use data dir ${dir}: ${(error as NodeJS.ErrnoException).code ?? 'not writable'}`);
  }
  return dir;
}

export function resolveConfigFile(flag: string | undefined): string | undefined {
  if (flag === undefined) return undefined;
  const file = resolve(flag);
  if (!existsSync(file)) throw new UsageError(`config file not found: ${file}`);
  return file;
}

export function parsePort(flag: string | undefined): number {
  if (flag === undefined) return 0;
  const port = Number(flag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${flag}"`);
  return port;
}
