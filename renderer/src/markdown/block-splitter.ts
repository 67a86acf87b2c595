/**
 * Streams markdown into blocks without re-lexing what has settled. It keeps the
 * offset of the last settled block boundary; each update lexes only the text
 * after it, settles every block but the last (which may still grow), and keeps
 * settled blocks, under stable keys, in frozen groups so a renderer can skip them
 * wholesale. Per-update work depends on the open tail, not on the answer's length.
 *
 * A tail too large to lex in a frame is split at blank lines outside fences; one
 * single block that large is shown as plain text (or unhighlighted code).
 */
import type { Token } from 'marked';
import { blockBoundary, fenceClose, openFenceAt } from './block-scan.js';
import { lexBlocks } from './lexer.js';

/** Largest text lexed in one go: a few milliseconds of marked on a slow machine. */
export const LEX_CAP = 12_000;
export const GROUP_SIZE = 16;

export type Block =
  | { key: string; kind: 'md'; token: Token }
  /** A fenced block rendered without the lexer: still open, or too large to lex. */
  | { key: string; kind: 'code'; lang: string; code: string; open: boolean }
  /** Text too large to parse smoothly, shown as it is. */
  | { key: string; kind: 'plain'; text: string };

type Unkeyed = Block extends infer B ? (B extends Block ? Omit<B, 'key'> : never) : never;

export interface SplitResult {
  /** Settled blocks in groups of GROUP_SIZE; a full group's array never changes. */
  groups: readonly (readonly Block[])[];
  /** Blocks that may still change (usually one; none once the text is final). */
  tail: readonly Block[];
  /** Characters handed to the lexer by this update, for tests and the bench. */
  lexed: number;
}

export interface BlockSplitter {
  update(text: string, final: boolean): SplitResult;
}

const isContent = (t: Token): boolean => t.type !== 'space' && t.type !== 'def';

export function createBlockSplitter(): BlockSplitter {
  let offset = 0;
  let groups: Block[][] = [];
  let count = 0;
  // The text just before the boundary, to notice a text that does not continue the last one.
  let seam = '';

  const keyed = (block: Unkeyed, ahead = 0): Block => ({ ...block, key: `b${count + ahead}` }) as Block;

  function settle(block: Unkeyed): void {
    const b = keyed(block);
    count += 1;
    const last = groups[groups.length - 1];
    groups = !last || last.length >= GROUP_SIZE ? [...groups, [b]] : [...groups.slice(0, -1), [...last, b]];
  }

  function advance(to: number, text: string): void {
    offset = to;
    seam = text.slice(Math.max(0, offset - 32), offset);
  }

  /** Lexes the rest of the text; settles all but its last block unless the text is final. */
  function lexRest(text: string, final: boolean): Block[] {
    const source = text.slice(offset);
    const tokens = lexBlocks(source);
    if (final) {
      tokens.filter(isContent).forEach((token) => settle({ kind: 'md', token }));
      advance(text.length, text);
      return [];
    }
    // marked normalises CRLF; text whose tokens do not map back exactly stays open.
    if (tokens.reduce((n, t) => n + t.raw.length, 0) !== source.length) {
      return tokens.filter(isContent).map((token, i) => keyed({ kind: 'md', token }, i));
    }
    let last = -1;
    tokens.forEach((t, i) => {
      if (isContent(t)) last = i;
    });
    let consumed = 0;
    for (let i = 0; i < last; i++) {
      const t = tokens[i] as Token;
      consumed += t.raw.length;
      if (isContent(t)) settle({ kind: 'md', token: t });
    }
    advance(offset + consumed, text);
    const open = tokens[last];
    return open ? [keyed({ kind: 'md', token: open })] : [];
  }

  return {
    update(text, final) {
      if (text.length < offset || text.slice(Math.max(0, offset - 32), offset) !== seam) {
        offset = 0;
        groups = [];
        count = 0;
        seam = '';
      }
      let lexed = 0;
      let tail: Block[] = [];

      while (offset < text.length) {
        const fence = openFenceAt(text, offset);
        if (fence) {
          const bodyStart = offset + fence.headerLength;
          const close = fenceClose(text, bodyStart, fence);
          if (!close) {
            // Still open: shown as code without the lexer, however long it grows.
            const code: Unkeyed = { kind: 'code', lang: fence.lang, code: text.slice(bodyStart), open: !final };
            if (final) {
              settle(code);
              advance(text.length, text);
            } else tail = [keyed(code)];
            break;
          }
          if (close.end - offset > LEX_CAP) {
            settle({ kind: 'code', lang: fence.lang, code: text.slice(bodyStart, close.start).replace(/\n$/, ''), open: false });
            advance(close.end, text);
            continue;
          }
        }
        if (text.length - offset > LEX_CAP) {
          const boundary = blockBoundary(text, offset, offset + LEX_CAP);
          if (boundary > offset) {
            lexed += boundary - offset;
            lexBlocks(text.slice(offset, boundary)).filter(isContent).forEach((token) => settle({ kind: 'md', token }));
            advance(boundary, text);
            continue;
          }
          // One block larger than the cap: plain text up to the next boundary, if there is one yet.
          const next = blockBoundary(text, offset, text.length, true);
          const end = next > offset ? next : final ? text.length : -1;
          if (end === -1) {
            tail = [keyed({ kind: 'plain', text: text.slice(offset) })];
            break;
          }
          settle({ kind: 'plain', text: text.slice(offset, end) });
          advance(end, text);
          continue;
        }
        lexed += text.length - offset;
        const before = offset;
        tail = lexRest(text, final);
        // An open fence left as the tail is shown by the fence path, never lexed as closed code.
        if (offset > before && openFenceAt(text, offset)) continue;
        break;
      }
      return { groups, tail, lexed };
    },
  };
}
