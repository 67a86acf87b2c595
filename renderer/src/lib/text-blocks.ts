/**
 * Splits message text on ``` fences into plain and code blocks. Deliberately no
 * markdown: it is cheap enough to run on every frame of a streaming answer.
 */
export interface TextBlock {
  kind: 'text' | 'code';
  text: string;
  lang?: string;
}

export function splitFences(text: string): TextBlock[] {
  const parts = text.split('```');
  const blocks: TextBlock[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part !== '') blocks.push({ kind: 'text', text: part });
      return;
    }
    // The word right after the opening fence names the language, as in ```ts.
    const match = /^([\w.+#-]+)?[ \t]*\n/.exec(part);
    const body = match ? part.slice(match[0].length) : part;
    blocks.push(match?.[1] ? { kind: 'code', text: body, lang: match[1] } : { kind: 'code', text: body });
  });
  return blocks;
}
