/** Highlighting itself: lowlight (highlight.js grammars) producing a plain tree, never HTML. */
import { common, createLowlight } from 'lowlight';
import type { HighlightTree } from './tree.js';

const lowlight = createLowlight(common);

/** Code past this size is left plain: its tree would cost more to render than colour is worth. */
export const HIGHLIGHT_CAP = 60_000;

export function highlightCode(code: string, lang: string): HighlightTree | undefined {
  const name = lang.toLowerCase();
  if (!name || code.length > HIGHLIGHT_CAP || !lowlight.registered(name)) return undefined;
  try {
    return lowlight.highlight(name, code) as HighlightTree;
  } catch {
    return undefined;
  }
}
