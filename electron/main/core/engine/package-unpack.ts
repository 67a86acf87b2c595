/**
 * Unpacks an npm package tarball (.tgz, every entry under `package/`) into a
 * folder. Only plain files and folders are written, and an entry whose path is
 * absolute or climbs out with `..` fails the whole unpack: a package that tries
 * either is not one to run.
 */
import { isAbsolute } from 'node:path';
import { extract, type ReadEntry } from 'tar';
import { DownloadError, diskFull, isDiskFull, messageOf } from './download-io.js';

export class UnsafePackageError extends DownloadError {
  constructor(readonly entry: string) {
    super('checksum', `The package holds an entry that would be written outside its folder (${entry}); nothing was kept`);
  }
}

export function unsafeEntryPath(path: string): boolean {
  const normal = path.replace(/\\/g, '/');
  return isAbsolute(path) || normal.startsWith('/') || /^[a-zA-Z]:/.test(normal) || normal.split('/').includes('..');
}

export async function unpackPackage(tgz: string, dest: string): Promise<void> {
  let unsafe: string | undefined;
  try {
    await extract({
      file: tgz,
      cwd: dest,
      strip: 1,
      strict: true,
      filter: (path, entry) => {
        const type = (entry as ReadEntry).type;
        const ok = !unsafeEntryPath(path) && (type === 'File' || type === 'OldFile' || type === 'Directory');
        if (!ok) unsafe ??= path;
        return ok;
      },
    });
  } catch (error) {
    if (isDiskFull(error)) throw diskFull();
    throw new DownloadError('checksum', `The package could not be unpacked: ${messageOf(error)}`);
  }
  if (unsafe !== undefined) throw new UnsafePackageError(unsafe);
}
