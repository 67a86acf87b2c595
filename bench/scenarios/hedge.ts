/**
 * Hedging under a stalled primary: the `realtime` route is [primary, hedge]; the
 * primary sends headers and then stalls far past the hedge delay (but inside
 * realtime's 4 s first-token timeout, so it is the hedge that rescues the answer,
 * not a timeout). The hedge delay is left at its default: the primary never
 * answers, so it has no measured p90 and the router uses its fallback delay.
 * Then the primary answers ten `general` messages with a slow first token, and
 * the same stalled runs show the delay the router takes from that recent p90.
 * Runs one at a time: each costs about its delay.
 */
import OpenAI from 'openai';
import { createMemoryStateStore } from '../../electron/main/core/router/index.js';
import { startFakeProvider } from '../../tests/fake-provider/index.js';
import { BENCH_KEY, benchRouter, MODEL } from '../setup.js';
import { directRequest, routedRequest, type RoutedSample } from '../timing.js';

export const STALL_MS = 30_000;

export interface HedgeSamples {
  runs: RoutedSample[];
  /** With a delay the router took from the primary's recent p90 time to first token. */
  fromP90: { primaryP90TtftMs: number; runs: RoutedSample[] };
}

/** The primary's first token in the runs that teach the router its p90. */
export const PRIMARY_SLOW_TTFT_MS = 250;

export async function runHedge(warmupRuns: number, runs: number): Promise<HedgeSamples> {
  const primary = await startFakeProvider({ protocol: 'openai', apiKey: BENCH_KEY, tokenDelayMs: 0 });
  const hedge = await startFakeProvider({ protocol: 'openai', apiKey: BENCH_KEY, tokenDelayMs: 0 });
  const local = await startFakeProvider({ protocol: 'ollama', tokenDelayMs: 0 });
  primary.always({ type: 'stall-before-first-token', ms: STALL_MS });
  try {
    const router = benchRouter({
      providers: [
        { id: 'primary', kind: 'openai', fake: primary },
        { id: 'hedge', kind: 'openai', fake: hedge },
        { id: 'ollama', kind: 'ollama', fake: local },
      ],
      routes: { realtime: ['primary', 'hedge'], general: ['primary', 'hedge'] },
      local: 'ollama',
      state: createMemoryStateStore(),
    });
    // Open a keep-alive socket to the hedge target so the first run pays no TCP setup.
    const client = new OpenAI({ baseURL: hedge.baseURL, apiKey: BENCH_KEY, maxRetries: 0 });
    for (let i = 0; i < 5; i++) await directRequest(client, MODEL);

    const hedgedRuns = async (count: number, skip: number): Promise<RoutedSample[]> => {
      const samples: RoutedSample[] = [];
      for (let i = 0; i < skip + count; i++) {
        const s = await routedRequest(router, { taskChoice: 'realtime' });
        const hedged = s.result.provider === 'hedge' && s.result.attempts.some((a) => a.provider === 'hedge' && a.hedge);
        if (!hedged || s.hedgeStartMs === undefined) throw new Error(`expected the hedge to answer, got ${s.result.provider}`);
        if (i >= skip) samples.push(s);
      }
      return samples;
    };
    const samples = await hedgedRuns(runs, warmupRuns);

    // Teach the router the primary's pace: `general` does not hedge, and its first token takes PRIMARY_SLOW_TTFT_MS.
    primary.always({ type: 'stall-before-first-token', ms: PRIMARY_SLOW_TTFT_MS });
    const taught: number[] = [];
    for (let i = 0; i < 10; i++) {
      const s = await routedRequest(router, { taskChoice: 'general' });
      if (s.result.provider !== 'primary') throw new Error(`expected the primary to answer, got ${s.result.provider}`);
      taught.push(s.result.attempts[0]?.ttftMs ?? Number.NaN);
    }
    taught.sort((a, b) => a - b);
    primary.always({ type: 'stall-before-first-token', ms: STALL_MS });
    const fromP90 = await hedgedRuns(runs, 0);
    return { runs: samples, fromP90: { primaryP90TtftMs: taught[Math.ceil(0.9 * taught.length) - 1] ?? Number.NaN, runs: fromP90 } };
  } finally {
    await Promise.all([primary.close(), hedge.close(), local.close()]);
  }
}
