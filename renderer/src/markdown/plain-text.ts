/** An answer as plain text, for "copy as text": what a reader sees, without markdown syntax. */
import type { Token, Tokens } from 'marked';
import { lexBlocks } from './lexer.js';
import type { MathToken } from './math-extension.js';

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      if (t.type === 'math') return (t as MathToken).tex;
      if (t.type === 'br') return '\n';
      if (t.type === 'image') return (t as Tokens.Image).text;
      if (t.type === 'checkbox') return (t as Tokens.Checkbox).checked ? '[x] ' : '[ ] ';
      if ('tokens' in t && t.tokens) return inline(t.tokens);
      return 'text' in t && typeof t.text === 'string' ? t.text : '';
    })
    .join('');
}

function blockText(t: Token): string {
  switch (t.type) {
    case 'code':
      return (t as Tokens.Code).text;
    case 'math':
      return (t as MathToken).tex;
    case 'list':
      return (t as Tokens.List).items
        .map((item, i) => {
          const bullet = (t as Tokens.List).ordered ? `${Number((t as Tokens.List).start || 1) + i}. ` : '• ';
          return bullet + item.tokens.map((c) => (c.type === 'text' || c.type === 'checkbox' ? inline([c]) : blockText(c))).join('');
        })
        .join('\n');
    case 'table': {
      const table = t as Tokens.Table;
      return [table.header, ...table.rows].map((row) => row.map((c) => inline(c.tokens)).join('\t')).join('\n');
    }
    case 'blockquote':
      return (t as Tokens.Blockquote).tokens.map(blockText).join('\n\n');
    case 'hr':
      return '';
    case 'space':
    case 'def':
      return '';
    default:
      return 'tokens' in t && t.tokens ? inline(t.tokens) : 'text' in t && typeof t.text === 'string' ? t.text : t.raw;
  }
}

export function markdownToPlainText(markdown: string): string {
  return lexBlocks(markdown)
    .map(blockText)
    .filter((s) => s !== '')
    .join('\n\n');
}
