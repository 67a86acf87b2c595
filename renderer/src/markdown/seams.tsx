/**
 * Continuation seams inside an answer's markdown. Each seam is marked in the text
 * by one private-use character (U+E000 + its index) before lexing, so it stays
 * inline wherever it falls; the renderer turns the mark into a subtle rule whose
 * tooltip names both providers. Code strips the marks: copied code stays exact.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Message } from '../../../shared/chat.js';

export type Seam = NonNullable<Message['seams']>[number];

const BASE = 0xe000;
const MARK = /[\uE000-\uE0FF]/;
const MARKS = /[\uE000-\uE0FF]/g;

export const SeamContext = createContext<readonly Seam[]>([]);

export function withSeamMarks(text: string, seams: readonly Seam[] | undefined): string {
  if (!seams || seams.length === 0) return text;
  let out = '';
  let from = 0;
  seams.slice(0, 256).forEach((seam, i) => {
    const at = Math.min(Math.max(seam.at, from), text.length);
    out += text.slice(from, at) + String.fromCharCode(BASE + i);
    from = at;
  });
  return out + text.slice(from);
}

export const stripSeamMarks = (text: string): string => (MARK.test(text) ? text.replace(MARKS, '') : text);

function SeamMark({ index }: { index: number }) {
  const seam = useContext(SeamContext)[index];
  if (!seam) return null;
  const words = `${seam.from} stopped here; ${seam.to} carried the answer on`;
  return <span className="seam" data-testid="seam" title={words} aria-label={words} role="separator" />;
}

/** Plain text with any seam marks in it turned into seams. */
export function textWithSeams(text: string): ReactNode {
  if (!MARK.test(text)) return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(MARKS)) {
    const i = m.index;
    if (i > last) parts.push(text.slice(last, i));
    parts.push(<SeamMark key={i} index={m[0].charCodeAt(0) - BASE} />);
    last = i + 1;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
