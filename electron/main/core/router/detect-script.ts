/**
 * Which writing system dominates a text. CJK, Hangul and Thai letters count
 * double because one of them carries about what a Latin word does, so a
 * Chinese sentence with one English product name is still Chinese.
 */

interface ScriptRule {
  name: string;
  pattern: RegExp;
  weight: number;
}

const RULES: ScriptRule[] = [
  { name: 'Latin', pattern: /\p{Script=Latin}/gu, weight: 1 },
  { name: 'Han', pattern: /\p{Script=Han}/gu, weight: 2 },
  { name: 'kana', pattern: /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, weight: 2 },
  { name: 'Hangul', pattern: /\p{Script=Hangul}/gu, weight: 2 },
  { name: 'Cyrillic', pattern: /\p{Script=Cyrillic}/gu, weight: 1 },
  { name: 'Arabic', pattern: /\p{Script=Arabic}/gu, weight: 1 },
  { name: 'Hebrew', pattern: /\p{Script=Hebrew}/gu, weight: 1 },
  { name: 'Devanagari', pattern: /\p{Script=Devanagari}/gu, weight: 1 },
  { name: 'Greek', pattern: /\p{Script=Greek}/gu, weight: 1 },
  { name: 'Thai', pattern: /\p{Script=Thai}/gu, weight: 2 },
];

export interface ScriptVerdict {
  /** Latin, or a phrase such as "Japanese (kana)". Undefined for text without letters. */
  script?: string;
  latin: boolean;
}

/** Any UTF-16 unit beyond ASCII (astral characters show up as surrogates). */
const NON_ASCII = /[\u0080-\uffff]/;
const ASCII_LETTER = /[A-Za-z]/;

export function dominantScript(text: string): ScriptVerdict {
  // Most prompts are plain ASCII, where the ten Unicode-script scans can only
  // find Latin letters; skipping them halves task detection before the request.
  if (!NON_ASCII.test(text)) return ASCII_LETTER.test(text) ? { script: describe('Latin'), latin: true } : { latin: true };
  const scores = new Map<string, number>();
  for (const rule of RULES) {
    const count = text.match(rule.pattern)?.length ?? 0;
    if (count > 0) scores.set(rule.name, count * rule.weight);
  }
  // Japanese mixes Han with kana; any real share of kana makes Han text Japanese.
  const kana = scores.get('kana') ?? 0;
  if (kana > 0 && scores.has('Han')) {
    scores.set('kana', kana + (scores.get('Han') ?? 0));
    scores.delete('Han');
  }
  let best: string | undefined;
  let bestScore = 0;
  for (const [name, score] of scores) {
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  if (!best) return { latin: true };
  return { script: describe(best), latin: best === 'Latin' };
}

function describe(name: string): string {
  switch (name) {
    case 'Han':
      return 'Chinese (Han)';
    case 'kana':
      return 'Japanese (kana)';
    case 'Hangul':
      return 'Korean (Hangul)';
    default:
      return name;
  }
}
