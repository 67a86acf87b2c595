/**
 * The only form in which a key is ever shown: enough to recognise it, never
 * enough to use it. At most 8 characters are revealed, and short keys less.
 */

const ELLIPSIS = '…';

export function maskKey(key: string): string {
  const k = key.trim();
  if (k.length > 12) return `${k.slice(0, 4)}${ELLIPSIS}${k.slice(-4)}`;
  // Four plus four of a short key would give most of it away.
  if (k.length >= 8) return `${ELLIPSIS}${k.slice(-2)}`;
  return ELLIPSIS;
}
