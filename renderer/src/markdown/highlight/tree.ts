/** The part of a hast tree that highlighting produces: spans with classes, and text. */
export type HighlightNode =
  | { type: 'text'; value: string }
  | { type: 'element'; tagName: string; properties?: { className?: string[] | string }; children: HighlightNode[] };

export interface HighlightTree {
  type: 'root';
  children: HighlightNode[];
}

export interface HighlightRequest {
  id: number;
  code: string;
  lang: string;
}

export interface HighlightReply {
  id: number;
  tree?: HighlightTree;
}
