/**
 * Which links may leave the app for the system browser: http and https only,
 * parsed rather than matched by prefix, with no user:password part (a classic
 * way to dress one host up as another). Everything else stays refused.
 */
export function safeExternalUrl(raw: string): string | undefined {
  const url = URL.parse(raw);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  return url.href;
}
