/**
 * LaTeX math for marked: `$$…$$` and `\[…\]` as blocks, `$…$` and `\(…\)` inline.
 * Only tokens are produced here; KaTeX itself loads lazily when a formula renders.
 * A `$` followed by a digit after the closing one ("$5 and $6") is money, not math.
 */
import type { MarkedExtension, Tokens } from 'marked';

export interface MathToken extends Tokens.Generic {
  type: 'math';
  raw: string;
  tex: string;
  display: boolean;
}

const BLOCK = /^(?:\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\])[ \t]*(?:\n|$)/;
const INLINE = /^(?:\$(?![\s$])((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)|\\\(((?:\\.|[^\n])+?)\\\))/;

export const mathExtension: MarkedExtension = {
  extensions: [
    {
      name: 'mathBlock',
      level: 'block',
      start: (src) => src.match(/\$\$|\\\[/)?.index,
      tokenizer(src) {
        const m = BLOCK.exec(src);
        if (!m) return undefined;
        return { type: 'math', raw: m[0], tex: (m[1] ?? m[2] ?? '').trim(), display: true } satisfies MathToken;
      },
    },
    {
      name: 'mathInline',
      level: 'inline',
      start: (src) => src.match(/\$|\\\(/)?.index,
      tokenizer(src) {
        const m = INLINE.exec(src);
        if (!m) return undefined;
        const display = m[0].startsWith('$$');
        return { type: 'math', raw: m[0], tex: (m[1] ?? m[2] ?? '').trim(), display } satisfies MathToken;
      },
    },
  ],
};
