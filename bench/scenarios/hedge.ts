/**
 * Hedging under a stalled primary: the `realtime` route is [primary, hedge]; the
 * primary sends headers and then stalls far past the hedge delay (but inside
 * realtime's 4 s first-token timeout, so it is the hedge that rescues the answer,
 * not a timeout). The hedge delay is left at its default: the primary never
 * answers, so it has no measured p90 and the router uses its fallback delay.
 * Runs one at a time: each costs about that delay.
 */
import OpenAI from 'openai';
import { createMemoryStateStore } from '../../electron/main/core/router/index.js';
import { startFakeProvider } from '../../tests/fake-provider/index.js';
import { BENCH_KEY, benchRouter, MODEL } from '../setup.js';
import { directRequest, routedRequest, type RoutedSample } from '../timing.js';

export const STALL_MS = 30_000;

export interface HedgeSamples {
  runs: RoutedSample[];
}

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

    const samples: RoutedSample[] = [];
    for (let i = 0; i < warmupRuns + runs; i++) {
      const s = await routedRequest(router, { taskChoice: 'realtime' });
      const hedged = s.result.provider === 'hedge' && s.result.attempts.some((a) => a.provider === 'hedge' && a.hedge);
      if (!hedged || s.hedgeStartMs === undefined) throw new Error(`expected the hedge to answer, got ${s.result.provider}`);
      if (i >= warmupRuns) samples.push(s);
    }
    return { runs: samples };
  } finally {
    await Promise.all([primary.close(), hedge.close(), local.close()]);
  }
}
