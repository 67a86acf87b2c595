/**
 * Which frames may call into main: only the app's own top-level page, loaded from
 * the packaged files or, in development, from electron-vite's dev server.
 * Kept free of Electron imports so it is tested under plain Node.
 */
export function isTrustedFrameUrl(frameUrl: string | undefined, rendererDevUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'file:') return url.pathname.endsWith('/renderer/index.html');
  if (!rendererDevUrl) return false;
  try {
    return url.origin === new URL(rendererDevUrl).origin;
  } catch {
    return false;
  }
}
