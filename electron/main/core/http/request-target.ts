/**
 * Reads an HTTP request target without `new URL()`, which throws on targets a
 * browser will happily send (`//[`, `//x:65536`, `//%`). Only origin-form
 * targets (`/path?query`) are ours to serve; anything else is refused, never
 * thrown. The path comes back percent-decoded and normalised, so a check on
 * `/index.html` also holds for `/%69ndex.html`, `//index.html` or `/a/../index.html`.
 */
import { posix } from 'node:path';

export interface RequestTarget {
  /** Decoded, normalised, always starting with `/`; never contains `..` segments above the root. */
  pathname: string;
  query: URLSearchParams;
}

export function parseRequestTarget(raw: string | undefined): RequestTarget | undefined {
  if (!raw || raw[0] !== '/' || raw.length > 8192) return undefined;
  const hash = raw.indexOf('#');
  const target = hash === -1 ? raw : raw.slice(0, hash);
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  // A NUL or a backslash has no business in a path we serve, and both confuse file APIs.
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const pathname = posix.normalize(decoded).replace(/^\/+/, '/');
  return { pathname: pathname.startsWith('/') ? pathname : `/${pathname}`, query: new URLSearchParams(q === -1 ? '' : target.slice(q + 1)) };
}
