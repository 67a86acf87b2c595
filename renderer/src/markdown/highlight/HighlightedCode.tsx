import { useEffect, useState, type ReactNode } from 'react';
import { ChunkedText } from '../ChunkedText.js';
import { highlight, highlighted } from './highlighter.js';
import type { HighlightNode, HighlightTree } from './tree.js';

function renderNodes(nodes: HighlightNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === 'text') return node.value;
    const cls = node.properties?.className;
    return (
      <span key={i} className={Array.isArray(cls) ? cls.join(' ') : cls}>
        {renderNodes(node.children)}
      </span>
    );
  });
}

/** Code text, coloured once the highlighter answers; plain until then, or when the language is unknown. */
export function HighlightedCode({ code, lang, enabled }: { code: string; lang: string; enabled: boolean }) {
  const [tree, setTree] = useState<{ code: string; lang: string; tree: HighlightTree } | undefined>();
  useEffect(() => {
    if (!enabled || !lang) return;
    let live = true;
    void highlight(code, lang).then((t) => {
      if (live && t) setTree({ code, lang, tree: t });
    });
    return () => {
      live = false;
    };
  }, [code, lang, enabled]);
  const current = tree && tree.code === code && tree.lang === lang ? tree.tree : enabled ? highlighted(code, lang) : undefined;
  return <code className={current ? 'hljs' : undefined}>{current ? renderNodes(current.children) : <ChunkedText text={code} />}</code>;
}
