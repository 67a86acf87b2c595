/** What model output may point at: http and https only (see shared/web-url.ts). */
export { checkWebUrl as safeWebUrl } from '../../../shared/web-url.js';

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
