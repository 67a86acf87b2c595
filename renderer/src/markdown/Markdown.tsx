import { memo, useState } from 'react';
import { createBlockSplitter, type Block } from './block-splitter.js';
import { ChunkedText } from './ChunkedText.js';
import { CodeBlock } from './CodeBlock.js';
import { block } from './render-tokens.js';
import { SeamContext, stripSeamMarks, withSeamMarks, type Seam } from './seams.js';

const BlockView = memo(function BlockView({ value }: { value: Block }) {
  switch (value.kind) {
    case 'md':
      return block(value.token);
    case 'code':
      return <CodeBlock code={stripSeamMarks(value.code)} lang={value.lang} open={value.open} />;
    case 'plain':
      return (
        <p className="plain-block" title="Shown as plain text: this block is too large to format smoothly">
          <ChunkedText text={stripSeamMarks(value.text)} />
        </p>
      );
  }
});

/**
 * A full group's array never changes, so a frame of streaming skips it in one
 * comparison; its box is `content-visibility: auto`, so the browser does not lay
 * out or paint groups that are off screen as the answer grows below them.
 */
const SettledGroup = memo(function SettledGroup({ blocks }: { blocks: readonly Block[] }) {
  return (
    <div className="md-group">
      {blocks.map((b) => (
        <BlockView key={b.key} value={b} />
      ))}
    </div>
  );
});

/**
 * An answer's markdown. While it streams, only the block still growing is lexed
 * and rendered again; everything before it is settled and memoised.
 */
const NO_SEAMS: readonly Seam[] = [];

/**
 * From this many settled groups (some 64 blocks, screens of text) an answer's groups
 * are `content-visibility: auto`. A shorter answer's rows keep their real height
 * off screen too, which the virtualised list needs to land where it aims; a long one
 * keeps it for good, so finishing never lays out the whole answer in one go.
 */
const LONG_ANSWER_GROUPS = 4;

export function Markdown({ text, streaming, seams = NO_SEAMS }: { text: string; streaming: boolean; seams?: readonly Seam[] }) {
  // The splitter is this message's parse state; it lives as long as the row.
  const [splitter] = useState(createBlockSplitter);
  const { groups, tail } = splitter.update(withSeamMarks(text, seams), !streaming);
  return (
    <SeamContext.Provider value={seams}>
      <div className={groups.length >= LONG_ANSWER_GROUPS ? 'markdown long-answer' : 'markdown'} data-testid="message-text">
        {groups.map((g, i) => (
          <SettledGroup key={i} blocks={g} />
        ))}
        {tail.map((b) => (
          <BlockView key={b.key} value={b} />
        ))}
      </div>
    </SeamContext.Provider>
  );
}
