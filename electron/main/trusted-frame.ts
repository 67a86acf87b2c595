/**
 * Which frames may call into main: only the app's own top-level page, loaded
 * from the app's own renderer file or, in development, from electron-vite's dev
 * server. "Any file ending in /renderer/index.html" would trust a page anyone
 * can write to /tmp. Kept free of Electron imports so it is tested under plain Node.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppPage {
  /** Absolute path of the renderer's index.html that the window loads. */
  rendererFile: string;
  /** electron-vite's dev server, when not packaged. */
  devUrl: string | undefined;
}

/** The one place that says where the app's page lives, for the window that loads it and the check that trusts it. */
export function rendererFileIn(outDir: string): string {
  return join(outDir, 'renderer', 'index.html');
}

export function isTrustedFrameUrl(frameUrl: string | undefined, page: AppPage): boolean {
  const url = frameUrl ? URL.parse(frameUrl) : null;
  if (!url) return false;
  if (url.protocol === 'file:') {
    const own = pathToFileURL(page.rendererFile);
    // Windows paths compare case-insensitively; a host part (file://server/share) must match too.
    const same = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
    return url.host === own.host && same(url.pathname, own.pathname);
  }
  const dev = page.devUrl ? URL.parse(page.devUrl) : null;
  return dev !== null && url.origin === dev.origin;
}
