/**
 * Conversation titles. The first is made from the prompt's first words with the
 * markdown taken out ("Fix this: ```js" reads "Fix this"); after the first answer
 * a short one is asked of the `cheap` route, and kept only if it looks like a title.
 */
const MAX_TITLE = 60;
const MAX_WORDS = 8;

/** Plain words of a markdown text: no fences, code marks, emphasis, headings, links' URLs or list marks. */
export function plainWords(text: string): string {
  return text
    .replace(/```[^\n]*\n?/g, ' ') // a fence line (its language too); the code stays as words
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[`*_~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function shorten(words: string): string {
  const cut = words.split(' ').slice(0, MAX_WORDS).join(' ');
  const title = cut.length > MAX_TITLE ? `${cut.slice(0, MAX_TITLE - 1).trimEnd()}…` : cut;
  return title.replace(/[\s:;,.-]+$/u, '');
}

/** The title a conversation starts with, from its first prompt. */
export function titleFromPrompt(text: string): string {
  return shorten(plainWords(text)) || 'New chat';
}

/** A model's proposed title made tidy, or undefined when it is not one (empty, a paragraph, a refusal). */
export function cleanGeneratedTitle(raw: string): string | undefined {
  const line = plainWords(raw.split('\n').find((l) => l.trim() !== '') ?? '')
    .replace(/^(title|titel|标题)\s*[:：]\s*/i, '')
    .replace(/^["'“”‘’«»「」]+|["'“”‘’«»「」]+$/gu, '')
    .replace(/[.。!！]+$/u, '')
    .trim();
  if (line === '' || line.split(' ').length > 12 || line.length > 100) return undefined;
  return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1).trimEnd()}…` : line;
}

export const TITLE_INSTRUCTION =
  'You name conversations. Reply with a title of at most six words for the conversation below, in its language. ' +
  'No quotes, no punctuation at the end, nothing else.';
