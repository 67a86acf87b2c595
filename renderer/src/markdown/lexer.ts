/** One marked instance for the app: GitHub-flavoured markdown plus math, tokens only (never HTML). */
import { Marked, type Token } from 'marked';
import { mathExtension } from './math-extension.js';

const marked = new Marked({ gfm: true, breaks: false }, mathExtension);

export function lexBlocks(markdown: string): Token[] {
  return marked.lexer(markdown);
}
