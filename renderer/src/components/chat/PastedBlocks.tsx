/** The long pastes waiting to go with the next message, each with its size and a way to take it out. */
export function PastedBlocks({ blocks, onRemove }: { blocks: readonly string[]; onRemove: (index: number) => void }) {
  if (blocks.length === 0) return null;
  return (
    <ul className="pasted-blocks" aria-label="Pasted text">
      {blocks.map((block, i) => (
        <li key={i} className="pasted-block" data-testid="pasted-block">
          <span className="small" title={block.slice(0, 300)}>
            Pasted text · {block.length.toLocaleString('en')} characters · “{block.slice(0, 40).replace(/\s+/g, ' ').trim()}…”
          </span>
          <button type="button" className="link" aria-label={`Remove pasted text ${i + 1}`} data-testid="pasted-remove" onClick={() => onRemove(i)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
