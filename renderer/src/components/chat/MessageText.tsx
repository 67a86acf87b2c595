import { splitFences } from '../../lib/text-blocks.js';

/** Plain text with whitespace kept; ``` fences become monospace blocks. No markdown. */
export function MessageText({ text }: { text: string }) {
  return (
    <div className="message-text" data-testid="message-text">
      {splitFences(text).map((block, i) =>
        block.kind === 'code' ? (
          <pre key={i} className="code" data-lang={block.lang}>
            <code>{block.text}</code>
          </pre>
        ) : (
          <span key={i}>{block.text}</span>
        ),
      )}
    </div>
  );
}
