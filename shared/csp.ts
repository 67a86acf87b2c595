/**
 * The page's Content-Security-Policy, in one place: the build writes it into a
 * meta tag, and the desktop app's main process also sends it as a response
 * header for every page it serves (a header also covers what a meta tag cannot,
 * such as frame-ancestors). The page loads only its own scripts and talks only
 * to its own host: IPC needs no network, browser mode a same-origin WebSocket.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  // Remote images are allowed because an answer's image is only requested after the
  // user clicks its placeholder (renderer/src/markdown/RemoteImage.tsx).
  "img-src 'self' data: http: https:",
  // KaTeX's smallest fonts are inlined as data: URLs by the build.
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Directives a meta tag ignores, so only the header carries them. */
export const HEADER_ONLY_CSP = "frame-ancestors 'none'";
