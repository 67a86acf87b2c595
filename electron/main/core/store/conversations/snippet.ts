/**
 * The part of a message a search hit shows, and where the query's terms are in
 * it: `ranges` are [start, end) offsets into `snippet` (JavaScript string
 * offsets), so a UI can highlight them without searching again.
 */

const BEFORE = 60;
const LENGTH = 200;
const ELLIPSIS = '…';

export interface Snippet {
  snippet: string;
  ranges: [number, number][];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Keeps a cut from splitting a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

export function snippetOf(text: string, terms: readonly string[]): Snippet {
  const pattern = new RegExp(terms.map(escapeRegExp).sort((a, b) => b.length - a.length).join('|'), 'giu');
  const matches = [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
  const first = matches[0]?.[0] ?? 0;
  const start = safeCut(text, Math.max(0, first - BEFORE));
  const end = safeCut(text, Math.min(text.length, start + LENGTH));
  const prefix = start > 0 ? ELLIPSIS : '';
  // Newlines become spaces one for one, so offsets still line up with the text.
  const snippet = prefix + text.slice(start, end).replace(/[\r\n\t]/g, ' ') + (end < text.length ? ELLIPSIS : '');
  const ranges: [number, number][] = [];
  for (const [from, to] of matches) {
    if (to <= start || from >= end) continue;
    const range: [number, number] = [Math.max(from, start) - start + prefix.length, Math.min(to, end) - start + prefix.length];
    const last = ranges.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else ranges.push(range);
  }
  return { snippet, ranges };
}
