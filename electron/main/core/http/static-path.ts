/**
 * Maps a decoded, normalised request path (see request-target.ts) to a file in
 * one folder, never outside it. Shared by the headless host and the desktop
 * app's app:// scheme, so both serve the renderer by the same rule.
 */
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export const contentTypeOf = (file: string): string => TYPES[extname(file)] ?? 'application/octet-stream';

/** `pathname` is already decoded; decoding again would let `%2569` through as `i`. */
export function resolveStaticPath(root: string, pathname: string): string | undefined {
  const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  return file;
}
