/**
 * Whether a prompt is about code, and the clue that said so. Each clue is a
 * pattern a reader would also recognise; prose that merely mentions "import" or
 * "function" should not pass.
 */

const TRACE_RULES: { name: string; pattern: RegExp }[] = [
  { name: 'Python', pattern: /Traceback \(most recent call last\)|^\s*File "[^"]+", line \d+/m },
  { name: 'Java', pattern: /^\s*at [\w$.]+\([\w$]+\.(?:java|kt):\d+\)|Exception in thread "/m },
  { name: 'Go', pattern: /^goroutine \d+ \[[\w ]+\]:|^panic: .+\n[\s\S]*\.go:\d+/m },
  { name: 'JS', pattern: /^\s*at (?:[\w$.<>[\] ]+ \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\|webpack:)?[^\s()]*\.[cm]?[jt]sx?:\d+:\d+\)?$/m },
];

/** Lines that read as source code in common languages. */
const CODE_LINE: RegExp[] = [
  /^\s*def \w+\s*\(.*\)\s*(->\s*[\w[\], .]+)?:\s*$/,
  /^\s*(async\s+)?function\s*\*?\s*\w*\s*\(.*\)\s*\{?\s*$/,
  /^\s*import\s+[\w{}*,\s]+\s+from\s+['"][^'"]+['"];?\s*$/,
  /^\s*import\s+[\w.]+(\s+as\s+\w+)?;?\s*$/,
  /^\s*from\s+[\w.]+\s+import\s+[\w*, ]+$/,
  /^\s*#include\s*[<"][\w./]+[>"]/,
  /^\s*(const|let|var)\s+[\w{}[\], ]+\s*=\s*.+;?\s*$/,
  /^\s*(public|private|protected|static|final)\s+[\w<>[\]]+\s+\w+\s*\(.*\)\s*\{?\s*$/,
  /^\s*(fn|func)\s+\w+\s*\(.*\).*\{\s*$/,
  /^\s*class\s+\w+(\s*\(.*\))?\s*[:{]\s*$/,
  /^\s*(if|for|while)\s*\(.*\)\s*\{\s*$/,
  /^\s*(return\b.*;|[}\])];?|\}\s*else\s*\{)\s*$/,
  /^\s*[\w.[\]]+\s*(=|\+=|-=)\s*[^=].*;\s*$/,
  /^\s*(SELECT|INSERT|UPDATE|DELETE)\s.+\b(FROM|INTO|SET|WHERE)\b/i,
];

export interface CodeVerdict {
  code: boolean;
  reason?: string;
}

/**
 * Every clue above needs one of these characters or words (a fence, brackets,
 * `=`, `:`, quotes, `#`, or an import/SQL keyword). Plain prose has none of them
 * and skips the eighteen patterns, which ran before every request went out.
 */
const ANY_CLUE = /[`()[\]{}=;:#"'<>]|import|select|insert|update|delete/i;

export function detectCode(text: string): CodeVerdict {
  return ANY_CLUE.test(text) ? scanForCode(text) : { code: false };
}

/** The full scan; exported so a test can hold the shortcut above to it. */
export function scanForCode(text: string): CodeVerdict {
  if (text.includes('```')) return { code: true, reason: 'code fence' };
  for (const rule of TRACE_RULES) {
    if (rule.pattern.test(text)) return { code: true, reason: `stack trace (${rule.name})` };
  }
  const lines = text.split('\n').filter((l) => l.trim().length > 0);
  const codeLines = lines.filter((l) => CODE_LINE.some((p) => p.test(l))).length;
  if (codeLines >= 2 && codeLines / lines.length >= 0.3) {
    return { code: true, reason: `code-like text (${codeLines} of ${lines.length} lines)` };
  }
  // A one-liner can still be code when it is dense with syntax.
  const symbols = text.match(/[{}();=<>[\]]/g)?.length ?? 0;
  if (codeLines >= 1 && text.length < 400 && symbols / Math.max(text.length, 1) > 0.05) {
    return { code: true, reason: 'code-like text (syntax)' };
  }
  return { code: false };
}
