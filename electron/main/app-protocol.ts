/**
 * The desktop app serves its page from `app://switchboard/`, not `file://`: a
 * file URL would give the page the run of the file system's origin, while a
 * custom scheme is an origin of its own that serves only the renderer folder,
 * with the Content-Security-Policy sent as a header on every response.
 */
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, HEADER_ONLY_CSP } from '../../shared/csp.js';
import { parseRequestTarget } from './core/http/request-target.js';
import { contentTypeOf, resolveStaticPath } from './core/http/static-path.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'switchboard';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready: a standard, secure scheme gets a real origin, fetch and storage. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

const SECURITY_HEADERS = {
  'content-security-policy': `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_CSP}`,
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/** Answers one app:// request: a file of the renderer folder, or a plain 404. */
export async function appResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = URL.parse(requestUrl);
  const notFound = () => new Response('Not found.', { status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
  if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  const target = parseRequestTarget(url.pathname);
  const file = target && resolveStaticPath(rendererDir, target.pathname);
  if (!file) return notFound();
  try {
    return new Response(await readFile(file), { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': contentTypeOf(file) } });
  } catch {
    return notFound();
  }
}

export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request.url));
}
