/**
 * Who may talk to the API. The Host header must name this port on 127.0.0.1 or
 * localhost (a page on another name that resolves to 127.0.0.1, DNS rebinding,
 * is refused); an Origin must be one the user allowed (none by default, and none
 * is ever echoed otherwise); and every request needs the token, as a bearer
 * token or as `x-api-key`, compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The origin to allow, or undefined: no Origin header (not a browser) is also undefined. */
export function allowedOrigin(origin: string | undefined, allowed: readonly string[]): string | undefined {
  return origin !== undefined && allowed.includes(origin) ? origin : undefined;
}

export function presentedToken(headers: IncomingHttpHeaders): string | undefined {
  const auth = headers.authorization;
  if (typeof auth === 'string' && /^bearer /i.test(auth)) return auth.slice(7).trim();
  const key = headers['x-api-key'];
  return typeof key === 'string' ? key.trim() : undefined;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Hashing first makes the comparison take the same time whatever the lengths. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined || token === '') return false;
  return timingSafeEqual(digest(candidate), digest(token));
}

export const CORS_ALLOW_HEADERS = 'authorization, content-type, x-api-key, anthropic-version, anthropic-beta, x-switchboard-no-fallback, x-stainless-arch, x-stainless-lang, x-stainless-os, x-stainless-package-version, x-stainless-retry-count, x-stainless-runtime, x-stainless-runtime-version, x-stainless-timeout, anthropic-dangerous-direct-browser-access';
export const CORS_EXPOSE_HEADERS = 'x-switchboard-provider, x-switchboard-model, x-switchboard-task, x-switchboard-attempts';
