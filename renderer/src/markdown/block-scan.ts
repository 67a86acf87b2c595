/**
 * Cheap line scans over markdown source, used where lexing would cost too much:
 * finding block boundaries (blank lines outside fences) and fenced code openings.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const OPEN_FENCE = /^ {0,3}(`{3,}|~{3,})([^\n]*)(?:\n|$)/;

export interface OpenFence {
  /** Characters of the opening line, newline included. */
  headerLength: number;
  lang: string;
  marker: string;
}

/** A fenced code block that starts at `from`, if one does. */
export function openFenceAt(text: string, from: number): OpenFence | undefined {
  const m = OPEN_FENCE.exec(text.slice(from, from + 200));
  if (!m?.[1]) return undefined;
  const info = (m[2] ?? '').trim();
  // A backtick fence cannot have backticks in its info string.
  if (m[1].startsWith('`') && info.includes('`')) return undefined;
  return { headerLength: m[0].length, lang: info.split(/\s+/)[0] ?? '', marker: m[1] };
}

/** Where the closing line of `fence` starts and ends (after its newline); undefined while it is open. */
export function fenceClose(text: string, bodyStart: number, fence: OpenFence): { start: number; end: number } | undefined {
  let pos = bodyStart;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    if (closes(text.slice(pos, lineEnd), fence.marker)) return { start: pos, end: nl === -1 ? text.length : nl + 1 };
    if (nl === -1) return undefined;
    pos = nl + 1;
  }
  return undefined;
}

function closes(line: string, marker: string): boolean {
  const m = FENCE.exec(line);
  return !!m?.[1] && m[1][0] === marker[0] && m[1].length >= marker.length && line.slice(m[0].length).trim() === '';
}

/**
 * The end of the last blank line outside any fence in [from, limit), or -1.
 * With `first`, the first such boundary instead (the scan may then run to the end).
 */
export function blockBoundary(text: string, from: number, limit: number, first = false): number {
  let found = -1;
  let fence: string | undefined;
  let pos = from;
  while (pos < limit) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1 || nl >= limit) break;
    const line = text.slice(pos, nl);
    if (fence) {
      if (closes(line, fence)) fence = undefined;
    } else {
      const m = FENCE.exec(line);
      if (m?.[1]) fence = m[1];
      else if (line.trim() === '' && pos > from) {
        found = nl + 1;
        if (first) return found;
      }
    }
    pos = nl + 1;
  }
  return found;
}
