/** Runs the highlighter off the main thread, so a long code block never blocks a frame. */
import { highlightCode } from './highlight-core.js';
import type { HighlightReply, HighlightRequest } from './tree.js';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<HighlightRequest>) => void) | null;
  postMessage(message: HighlightReply): void;
};

scope.onmessage = (e) => {
  const { id, code, lang } = e.data;
  scope.postMessage({ id, tree: highlightCode(code, lang) });
};
