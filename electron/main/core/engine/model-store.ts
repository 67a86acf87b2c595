/**
 * The built-in engine's models on disk: downloads land in `<data dir>/engine-models`,
 * and a model id is a file name there, or the full path of a .gguf file the user
 * picked where it already was (never copied: such files run to gigabytes; the
 * list of them is `picked.json`). A file still downloading ends in `.part` and
 * is never listed or loaded.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';

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
  list(): InstalledModel[];
  /** Adds a .gguf file where it is; throws with a message a user understands when it is not one. */
  pick(path: string): InstalledModel;
  /** Deletes a downloaded model; a picked file is only forgotten, never deleted. */
  remove(id: string): boolean;
}

export function isGgufName(name: string): boolean {
  return name.toLowerCase().endsWith('.gguf');
}

export function createModelStore(dataDir: string): ModelStore {
  const dir = join(dataDir, 'engine-models');
  const pickedFile = join(dir, 'picked.json');

  const picked = (): string[] => {
    try {
      const value: unknown = JSON.parse(readFileSync(pickedFile, 'utf8'));
      return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string' && isAbsolute(p)) : [];
    } catch {
      return [];
    }
  };
  const savePicked = (paths: string[]) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(pickedFile, JSON.stringify(paths, null, 2));
  };

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
    list() {
      mkdirSync(dir, { recursive: true });
      const own = readdirSync(dir).filter(isGgufName).sort();
      return [...own.map((name) => describe(name, false)), ...picked().map((p) => describe(p, true))].filter((m): m is InstalledModel => m !== undefined);
    },
    pick(raw) {
      const path = resolve(raw);
      if (!isGgufName(path)) throw new Error(`${basename(path)} is not a .gguf model file`);
      if (!existsSync(path) || !statSync(path).isFile()) throw new Error(`There is no file at ${path}`);
      if (!hasGgufMagic(path)) throw new Error(`${basename(path)} is not a GGUF model (it does not start with the GGUF header)`);
      if (!picked().includes(path)) savePicked([...picked(), path]);
      return describe(path, true) as InstalledModel;
    },
    remove(id) {
      if (isAbsolute(id)) {
        const before = picked();
        savePicked(before.filter((p) => p !== id));
        return before.includes(id);
      }
      const path = pathOf(id);
      if (!path) return false;
      unlinkSync(path);
      return true;
    },
  };
}

function hasGgufMagic(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.toString('latin1') === 'GGUF';
  } finally {
    closeSync(fd);
  }
}
