/**
 * A model asked in words to carry on an answer often starts by repeating its
 * last words. This removes the longest tail of the shown text that the new text
 * begins with, comparing any run of whitespace as one space, before anything is
 * shown. New text is held back only while it could still be such a repeat.
 */

/** Shorter repeats are as likely to be new text as old ("a", "I"). */
const MIN_OVERLAP = 2;

const WORD = /[\p{L}\p{N}_]/u;
// Each of these characters is a word of its own: no spaces separate them.
const OWN_WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD.test(c) && !OWN_WORD.test(c);
const collapse = (s: string): string => s.replace(/\s+/g, ' ');

export interface OverlapTrimmer {
  /** Takes new text, returns what may be shown now (maybe nothing yet). */
  push(text: string): string;
  /** The stream ended: returns whatever is still held back, minus any repeat. */
  end(): string;
}

export function overlapTrimmer(shown: string): OverlapTrimmer {
  const old = collapse(shown);
  /** A repeat may only start where a word does. */
  const startsWord = (j: number): boolean => j === 0 || !isWordChar(old[j - 1]) || !isWordChar(old[j]);
  let held = '';
  let decided = false;

  /** Whether a repeat longer than `p` could still begin with `p`. */
  const couldGrow = (p: string): boolean => {
    for (let j = old.indexOf(p); j >= 0 && j < old.length - p.length; j = old.indexOf(p, j + 1)) {
      if (startsWord(j)) return true;
    }
    return false;
  };
  const decide = (): string => {
    decided = true;
    const p = collapse(held);
    let repeat = 0;
    for (let k = Math.min(p.length, old.length); k >= MIN_OVERLAP; k -= 1) {
      if (old.endsWith(p.slice(0, k)) && startsWord(old.length - k)) {
        repeat = k;
        break;
      }
    }
    const rest = held.slice(rawLength(held, repeat));
    held = '';
    return rest;
  };

  return {
    push(text) {
      if (decided) return text;
      held += text;
      const p = collapse(held);
      return p.length < old.length && couldGrow(p) ? '' : decide();
    },
    end: () => (decided ? '' : decide()),
  };
}

/** How many characters of `raw` make up its first `collapsed` characters once whitespace runs are collapsed. */
function rawLength(raw: string, collapsed: number): number {
  let seen = 0;
  let i = 0;
  while (i < raw.length && seen < collapsed) {
    if (/\s/.test(raw[i] as string)) {
      while (i < raw.length && /\s/.test(raw[i] as string)) i += 1;
    } else {
      i += 1;
    }
    seen += 1;
  }
  return i;
}
