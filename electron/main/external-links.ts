/**
 * Which links may leave the app for the system browser: the one check in
 * shared/web-url.ts (http and https only, parsed rather than matched by prefix,
 * no user:password part), which the renderer also applies before showing a link.
 */
export { checkWebUrl as safeExternalUrl } from '../../shared/web-url.js';
