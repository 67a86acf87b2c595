/**
 * A long paste is kept beside the text box, not in it: a browser's text box lays
 * out and re-lays out every line of what it holds on each key, and a 2 MB paste
 * there takes a second to appear and most of one per key after it. The message
 * sent is the typed text followed by each pasted block.
 */
export const LONG_PASTE_CHARS = 20_000;

export function isLongPaste(text: string): boolean {
  return text.length > LONG_PASTE_CHARS;
}

export function messageText(typed: string, pasted: readonly string[]): string {
  return [typed, ...pasted].filter((part) => part.trim() !== '').join('\n\n');
}
