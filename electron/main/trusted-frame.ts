/**
 * Which frames may call into main: only the app's own top-level page, served
 * from the app:// scheme or, in development, from electron-vite's dev server.
 * "Any file ending in /renderer/index.html" would trust a page anyone can write
 * to /tmp. Kept free of Electron imports so it is tested under plain Node.
 */
export interface AppPage {
  /** The page the window loads, e.g. app://switchboard/index.html. */
  pageUrl: string;
  /** electron-vite's dev server, when not packaged. */
  devUrl: string | undefined;
}

export function isTrustedFrameUrl(frameUrl: string | undefined, page: AppPage): boolean {
  const url = frameUrl ? URL.parse(frameUrl) : null;
  if (!url) return false;
  const own = URL.parse(page.pageUrl);
  // Custom schemes have an opaque origin in WHATWG URL terms, so compare the parts.
  if (own && url.protocol === own.protocol && url.host === own.host && url.pathname === own.pathname) return true;
  const dev = page.devUrl ? URL.parse(page.devUrl) : null;
  return dev !== null && url.protocol === dev.protocol && url.host === dev.host;
}
