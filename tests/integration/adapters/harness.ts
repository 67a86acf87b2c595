/**
 * Shared table for the adapter integration tests: which SDK family talks to which
 * fake protocol, and what every scripted fault must turn into.
 */
import { expect } from 'vitest';
import type { ErrorKind } from '../../../shared/errors.js';
import type { ProviderKind } from '../../../shared/settings.js';
import { createAdapter } from '../../../electron/main/core/providers/create-adapter.js';
import { ProviderError } from '../../../electron/main/core/providers/provider-error.js';
import type { ProviderAdapter, StreamEvent, StreamTimeouts } from '../../../electron/main/core/providers/types.js';
import { startFakeProvider, type Fault, type FakeProvider } from '../../fake-provider/index.js';

export const KEY = 'sk-test-key';
/** For the cases that test stalls and timeouts: short, so a stall is caught quickly. */
export const SHORT_TIMEOUTS: StreamTimeouts = { connectMs: 150, firstTokenMs: 150, idleMs: 150 };
/**
 * For every other case: long enough that a scheduling hiccup on a busy machine cannot
 * turn an expected `done` or `auth` into a `timeout`.
 */
export const GENEROUS_TIMEOUTS: StreamTimeouts = { connectMs: 5000, firstTokenMs: 5000, idleMs: 5000 };
/** Far above the short timeouts: only there to prove nothing hangs. */
export const NO_HANG_MS = 2500;
export const PROMPT = 'hello there';
/** The fake answers `Echo: <prompt>` in 4-character chunks. */
export const FULL_REPLY = `Echo: ${PROMPT}`;
export const FIRST_TWO_CHUNKS = FULL_REPLY.slice(0, 8);

export interface Family {
  name: string;
  protocol: 'openai' | 'anthropic' | 'ollama';
  flavor?: 'groq';
  kind: ProviderKind;
  preset: string;
  model: string;
  /** Whether the fake sends rate-limit headers this family reads. */
  rateLimits: boolean;
  requestIdHeader: boolean;
}

export const FAMILIES: Record<string, Family> = {
  openai: { name: 'openai', protocol: 'openai', kind: 'openai', preset: 'openai', model: 'gpt-4o-mini', rateLimits: true, requestIdHeader: true },
  groq: { name: 'groq', protocol: 'openai', flavor: 'groq', kind: 'openai-compatible', preset: 'groq', model: 'llama-3.3-70b-versatile', rateLimits: true, requestIdHeader: true },
  anthropic: { name: 'anthropic', protocol: 'anthropic', kind: 'anthropic', preset: 'anthropic', model: 'claude-haiku-4-5', rateLimits: true, requestIdHeader: true },
  ollama: { name: 'ollama', protocol: 'ollama', kind: 'ollama', preset: 'ollama', model: 'llama3.2', rateLimits: false, requestIdHeader: false },
};

export async function startFor(family: Family): Promise<FakeProvider> {
  return startFakeProvider({
    protocol: family.protocol,
    ...(family.flavor ? { flavor: family.flavor } : {}),
    ...(family.protocol === 'ollama' ? { models: [family.model] } : { apiKey: KEY }),
  });
}

export function adapterFor(family: Family, baseURL: string, extra: { headers?: Record<string, string>; fetch?: typeof fetch; preset?: string } = {}): ProviderAdapter {
  return createAdapter({
    id: family.name,
    kind: family.kind,
    baseURL,
    apiKey: KEY,
    preset: extra.preset ?? family.preset,
    defaultModels: [family.model, 'catalog-default-2'],
    ...(extra.headers ? { headers: extra.headers } : {}),
    ...(extra.fetch ? { fetch: extra.fetch } : {}),
  });
}

export interface Outcome {
  kind?: ErrorKind;
  /** `kind` alternatives where protocols legitimately differ (e.g. a 500 vs 529 body). */
  anyOf?: ErrorKind[];
  message?: RegExp;
  partial?: string;
  retryAfterMs?: number;
}

export interface FaultCase {
  name: string;
  fault: Fault;
  stream: Outcome;
  complete: Outcome;
  /** What the case runs with; the stall cases need short ones, the rest default to generous. */
  timeouts?: StreamTimeouts;
}

const same = (o: Outcome): Pick<FaultCase, 'stream' | 'complete'> => ({ stream: o, complete: o });

export const FAULTS: FaultCase[] = [
  { name: '401', fault: { type: 'status', status: 401 }, ...same({ kind: 'auth' }) },
  { name: '429 retry-after', fault: { type: 'status', status: 429, retryAfter: '2' }, ...same({ kind: 'rate_limited', retryAfterMs: 2000 }) },
  { name: '429 retry-after-ms', fault: { type: 'status', status: 429, retryAfterMs: '1500' }, ...same({ kind: 'rate_limited', retryAfterMs: 1500 }) },
  { name: '429 quota', fault: { type: 'status', status: 429, code: 'insufficient_quota' }, ...same({ kind: 'quota_exhausted' }) },
  { name: '500', fault: { type: 'status', status: 500 }, ...same({ kind: 'server' }) },
  { name: '503', fault: { type: 'status', status: 503 }, ...same({ kind: 'overloaded' }) },
  { name: '529', fault: { type: 'status', status: 529 }, ...same({ kind: 'overloaded' }) },
  { name: '400 context', fault: { type: 'status', status: 400, code: 'context_length_exceeded' }, ...same({ kind: 'context_length' }) },
  { name: '404 model', fault: { type: 'status', status: 404, code: 'model_not_found' }, ...same({ kind: 'model_not_found' }) },
  { name: '400 plain', fault: { type: 'status', status: 400 }, ...same({ kind: 'bad_request' }) },
  { name: 'stall before headers', fault: { type: 'stall-before-headers', ms: 5000 }, ...same({ kind: 'timeout', message: /no response after/ }), timeouts: SHORT_TIMEOUTS },
  {
    name: 'stall before first token',
    fault: { type: 'stall-before-first-token', ms: 5000 },
    stream: { kind: 'timeout', message: /no first token after/ },
    complete: { kind: 'timeout' },
    timeouts: SHORT_TIMEOUTS,
  },
  {
    name: 'stall mid-stream',
    fault: { type: 'stall-mid-stream', afterChunks: 2, ms: 5000 },
    stream: { kind: 'timeout', message: /the stream stalled for/, partial: FIRST_TWO_CHUNKS },
    complete: { kind: 'timeout' },
    timeouts: SHORT_TIMEOUTS,
  },
  {
    name: 'error mid-stream',
    fault: { type: 'error-mid-stream', afterChunks: 2 },
    stream: { kind: 'stream_interrupted', partial: FIRST_TWO_CHUNKS },
    complete: { anyOf: ['server', 'overloaded'] },
  },
  {
    name: 'cut connection',
    fault: { type: 'cut-connection', afterChunks: 2 },
    stream: { kind: 'stream_interrupted', partial: FIRST_TWO_CHUNKS },
    complete: { kind: 'stream_interrupted' },
  },
  {
    name: 'malformed chunk',
    fault: { type: 'malformed-chunk', afterChunks: 2 },
    stream: { kind: 'stream_interrupted', partial: FIRST_TWO_CHUNKS },
    complete: { kind: 'stream_interrupted' },
  },
  {
    name: 'no terminator',
    fault: { type: 'no-terminator', afterChunks: 2 },
    stream: { kind: 'stream_interrupted', partial: FIRST_TWO_CHUNKS },
    complete: { kind: 'stream_interrupted' },
  },
];

export async function drain(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const seen: StreamEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

export function callOptions(signal: AbortSignal = new AbortController().signal, timeouts: StreamTimeouts = GENEROUS_TIMEOUTS) {
  return { signal, timeouts };
}

/** Runs a call expected to fail; checks it is a ProviderError and did not hang. */
export async function expectFailure(run: () => Promise<unknown>, outcome: Outcome): Promise<ProviderError> {
  const started = Date.now();
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(Date.now() - started).toBeLessThan(NO_HANG_MS);
  expect(ProviderError.is(error), `expected a ProviderError, got ${String(error)}`).toBe(true);
  const failure = error as ProviderError;
  if (outcome.kind) expect(failure.kind, failure.message).toBe(outcome.kind);
  if (outcome.anyOf) expect(outcome.anyOf, failure.message).toContain(failure.kind);
  if (outcome.message) expect(failure.message).toMatch(outcome.message);
  if (outcome.partial !== undefined) expect(failure.partialText).toBe(outcome.partial);
  if (outcome.retryAfterMs !== undefined) expect(failure.retryAfterMs).toBe(outcome.retryAfterMs);
  expect(failure.message.length).toBeGreaterThan(0);
  return failure;
}
