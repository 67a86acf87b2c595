import { memo } from 'react';

const CHUNK = 4096;

/** Cuts text at line ends into pieces of about CHUNK characters; every piece but the last is final. */
export function chunksOf(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (text.length - start > CHUNK) {
    const nl = text.indexOf('\n', start + CHUNK);
    if (nl === -1) break;
    chunks.push(text.slice(start, nl + 1));
    start = nl + 1;
  }
  chunks.push(text.slice(start));
  return chunks;
}

const Piece = memo(function Piece({ text }: { text: string }) {
  return <span>{text}</span>;
});

/**
 * Long text as memoised pieces, so a growing block re-renders only its last piece.
 * The cut points depend only on text already there, so earlier pieces keep their keys.
 */
export function ChunkedText({ text }: { text: string }) {
  return (
    <>
      {chunksOf(text).map((piece, i) => (
        <Piece key={i} text={piece} />
      ))}
    </>
  );
}
