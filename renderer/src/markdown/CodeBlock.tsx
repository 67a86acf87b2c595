import { useState } from 'react';
import { copyText } from '../lib/copy-text.js';
import { HighlightedCode } from './highlight/HighlightedCode.js';

/** A fenced block: its language, a copy button, and highlighting once the block has settled. */
export function CodeBlock({ code, lang, open }: { code: string; lang: string; open: boolean }) {
  const [copied, setCopied] = useState(false);
  async function copy(): Promise<void> {
    if (await copyText(code)) {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    }
  }
  return (
    <div className="code-block" data-testid="code-block" data-lang={lang || undefined}>
      <div className="code-head">
        <span className="code-lang" data-testid="code-lang">
          {lang || 'text'}
        </span>
        <button type="button" className="code-copy" data-testid="code-copy" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre className="code">
        {/* A block still streaming is not highlighted: it would be re-coloured on every frame. */}
        <HighlightedCode code={code} lang={lang} enabled={!open} />
      </pre>
    </div>
  );
}
