/**
 * Reads the time values providers put in response headers: Go-style durations
 * (OpenAI, Groq), seconds or HTTP dates (`retry-after`), milliseconds
 * (`retry-after-ms`) and RFC 3339 instants (Anthropic). Pure; `now` is injected.
 */

/** Anything with a `get` by header name: fetch `Headers`, or a captured map. */
export interface HeaderSource {
  get(name: string): string | null;
}

const GO_UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  'µs': 0.001,
  'μs': 0.001,
  ns: 0.000001,
};

/** `2m59.56s` → 179560, `12ms` → 12, `6m0s` → 360000. Undefined when it is not a duration. */
export function parseGoDuration(value: string): number | undefined {
  const text = value.trim();
  if (text === '' || text === '0') return text === '0' ? 0 : undefined;
  const part = /(\d+(?:\.\d+)?|\.\d+)(ms|us|µs|μs|ns|h|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(text); match; match = part.exec(text)) {
    const unit = GO_UNIT_MS[match[2] ?? ''];
    if (unit === undefined) return undefined;
    total += Number(match[1]) * unit;
    consumed = part.lastIndex;
  }
  return consumed === text.length && consumed > 0 ? total : undefined;
}

/**
 * An instant or delay in any of the forms hosts use for a reset time, as epoch ms.
 * Bare numbers are seconds from now (Groq's `retry-after`, some gateways' resets).
 */
export function parseResetAt(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return now + Number(text) * 1000;
  const duration = parseGoDuration(text);
  if (duration !== undefined) return now + duration;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : date;
}

/** `retry-after`: float seconds or an HTTP date; a date in the past means "now". */
export function parseRetryAfterHeader(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function finiteNonNegative(ms: number | undefined): number | undefined {
  return ms !== undefined && Number.isFinite(ms) && ms >= 0 ? Math.round(ms) : undefined;
}

const RESET_HEADERS: { reset: string; remaining: string }[] = [
  { reset: 'x-ratelimit-reset-requests', remaining: 'x-ratelimit-remaining-requests' },
  { reset: 'x-ratelimit-reset-tokens', remaining: 'x-ratelimit-remaining-tokens' },
  { reset: 'anthropic-ratelimit-requests-reset', remaining: 'anthropic-ratelimit-requests-remaining' },
  { reset: 'anthropic-ratelimit-tokens-reset', remaining: 'anthropic-ratelimit-tokens-remaining' },
  { reset: 'anthropic-ratelimit-input-tokens-reset', remaining: 'anthropic-ratelimit-input-tokens-remaining' },
  { reset: 'anthropic-ratelimit-output-tokens-reset', remaining: 'anthropic-ratelimit-output-tokens-remaining' },
];

/**
 * How long to wait before the provider will take another request, in ms.
 * Order: `retry-after-ms`, `retry-after`, then the reset of whichever budget is
 * spent (or the latest reset when none is reported spent).
 */
export function retryAfterMsFrom(
  headers: HeaderSource | undefined,
  now: number,
  options: { useResets?: boolean } = {},
): number | undefined {
  if (!headers) return undefined;
  const explicitMs = headers.get('retry-after-ms');
  if (explicitMs !== null && explicitMs.trim() !== '') {
    const ms = finiteNonNegative(Number(explicitMs));
    if (ms !== undefined) return ms;
  }
  const retryAfter = finiteNonNegative(parseRetryAfterHeader(headers.get('retry-after'), now));
  if (retryAfter !== undefined) return retryAfter;
  if (options.useResets === false) return undefined;

  let spent: number | undefined;
  let latest: number | undefined;
  for (const { reset, remaining } of RESET_HEADERS) {
    const at = parseResetAt(headers.get(reset), now);
    if (at === undefined) continue;
    const wait = Math.max(0, at - now);
    latest = Math.max(latest ?? 0, wait);
    const left = headers.get(remaining);
    if (left !== null && left.trim() !== '' && Number(left) === 0) {
      spent = Math.max(spent ?? 0, wait);
    }
  }
  return finiteNonNegative(spent ?? latest);
}
