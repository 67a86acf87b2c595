/** Sends one file of the built renderer (found by core/http/static-path.ts). */
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { contentTypeOf } from '../main/core/http/static-path.js';

export { resolveStaticPath } from '../main/core/http/static-path.js';

export function sendFile(res: ServerResponse, file: string): void {
  res.writeHead(200, {
    'content-type': contentTypeOf(file),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  // A file removed between the check and the read ends this response, not the host.
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
