/**
 * The built-in engine's models on disk: downloads land in `<data dir>/engine-models`,
 * and a model id is a file name there, or the full path of a .gguf file the user
 * picked where it already was (never copied: such files run to gigabytes). A file
 * still downloading ends in `.part` and is never listed or loaded.
 */
import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';

export const PART_SUFFIX = '.part';

export interface InstalledModel {
  id: string;
  path: string;
  sizeBytes: number;
  /** Picked by the user from elsewhere on disk, not downloaded. */
  external: boolean;
}

export interface ModelStore {
  readonly dir: string;
  /** The file a model id names, when it is there and complete. */
  pathOf(id: string): string | undefined;
  list(picked?: readonly string[]): InstalledModel[];
  /** Deletes a downloaded model; a picked file is only forgotten, never deleted. */
  remove(id: string): boolean;
}

export function isGgufName(name: string): boolean {
  return name.toLowerCase().endsWith('.gguf');
}

export function createModelStore(dataDir: string): ModelStore {
  const dir = join(dataDir, 'engine-models');

  function pathOf(id: string): string | undefined {
    if (!isGgufName(id)) return undefined;
    const path = isAbsolute(id) ? id : join(dir, basename(id));
    return existsSync(path) ? path : undefined;
  }

  function describe(id: string, external: boolean): InstalledModel | undefined {
    const path = pathOf(id);
    if (!path) return undefined;
    return { id, path, sizeBytes: statSync(path).size, external };
  }

  return {
    dir,
    pathOf,
    list(picked = []) {
      mkdirSync(dir, { recursive: true });
      const own = readdirSync(dir).filter(isGgufName).sort();
      return [...own.map((name) => describe(name, false)), ...picked.map((p) => describe(p, true))].filter((m): m is InstalledModel => m !== undefined);
    },
    remove(id) {
      if (isAbsolute(id)) return false;
      const path = pathOf(id);
      if (!path) return false;
      unlinkSync(path);
      return true;
    },
  };
}
