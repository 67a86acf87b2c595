/**
 * Failures below HTTP: refused connections, DNS, resets, a body cut mid-way, a
 * malformed chunk. Before response headers they mean the host is unreachable;
 * after them the answer was cut.
 */
import type { ErrorKind } from '../../../../../shared/errors.js';

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMED_OUT = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Every error in the `cause` chain, outermost first (bounded: chains can loop). */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function isAbortLike(error: unknown): boolean {
  return causeChain(error).some(
    (e) => e instanceof Error && (e.name === 'AbortError' || e.name === 'APIUserAbortError' || e.name === 'TimeoutError'),
  );
}

/** The most telling message in the chain: `connect ECONNREFUSED …` beats `fetch failed`. */
export function transportMessage(error: unknown): string {
  const chain = causeChain(error).filter((e): e is Error => e instanceof Error);
  const withCode = chain.find((e) => codeOf(e) !== undefined);
  return (withCode ?? chain[0])?.message ?? String(error);
}

export function classifyTransport(error: unknown, afterHeaders: boolean): ErrorKind {
  const chain = causeChain(error);
  const codes = chain.map(codeOf).filter((c): c is string => c !== undefined);
  if (codes.some((c) => TIMED_OUT.has(c))) return afterHeaders ? 'stream_interrupted' : 'timeout';
  if (afterHeaders) return 'stream_interrupted';
  if (codes.some((c) => UNREACHABLE.has(c))) return 'network';
  if (chain.some((e) => e instanceof SyntaxError)) return 'stream_interrupted';
  return 'network';
}
