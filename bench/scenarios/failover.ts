/**
 * Failover cost: the primary answers every chat with a 500 from a second fake, the
 * router moves on to the fallback. Compared, interleaved, with the same router sent
 * straight to the fallback (the user pinned it), so the difference is the failed
 * round trip plus the router's reaction to it; the direct SDK call to the fallback
 * is recorded too. The breaker threshold is raised so it never opens and every
 * measured iteration really tries the primary first; each result is checked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { startFakeProvider } from '../../tests/fake-provider/index.js';
import { interleave } from '../interleave.js';
import { BENCH_KEY, benchRouter, benchStorage, MODEL } from '../setup.js';
import { directRequest, routedRequest, type RoutedSample, type Sample } from '../timing.js';

export interface FailoverSamples {
  failover: Sample[];
  straightToFallback: Sample[];
  directToFallback: Sample[];
}

function assertFailedOver(s: RoutedSample): void {
  const [first, second] = s.result.attempts;
  const ok = s.result.attempts.length === 2 && first?.provider === 'primary' && first.outcome === 'error' && second?.provider === 'fallback' && s.result.provider === 'fallback';
  if (!ok) throw new Error(`expected primary 500 then fallback, got ${JSON.stringify(s.result.attempts.map((a) => [a.provider, a.outcome]))}`);
}

export async function runFailover(warmupRounds: number, rounds: number): Promise<FailoverSamples> {
  const primary = await startFakeProvider({ protocol: 'openai', apiKey: BENCH_KEY, tokenDelayMs: 0 });
  const fallback = await startFakeProvider({ protocol: 'openai', apiKey: BENCH_KEY, tokenDelayMs: 0 });
  const local = await startFakeProvider({ protocol: 'ollama', tokenDelayMs: 0 });
  primary.always({ type: 'status', status: 500 });
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const db = benchStorage(dir);
  try {
    const router = benchRouter({
      providers: [
        { id: 'primary', kind: 'openai', fake: primary },
        { id: 'fallback', kind: 'openai', fake: fallback },
        { id: 'ollama', kind: 'ollama', fake: local },
      ],
      routes: { general: ['primary', 'fallback'] },
      local: 'ollama',
      state: db.state,
      ledger: db.ledger,
      breaker: { failureThreshold: Number.MAX_SAFE_INTEGER },
    });
    const client = new OpenAI({ baseURL: fallback.baseURL, apiKey: BENCH_KEY, maxRetries: 0 });
    const samples = await interleave(
      {
        failover: async () => {
          const s = await routedRequest(router, { taskChoice: 'general' });
          assertFailedOver(s);
          return s;
        },
        straightToFallback: async () => {
          const s = await routedRequest(router, { taskChoice: 'general', provider: 'fallback' });
          if (s.result.attempts.length !== 1 || s.result.provider !== 'fallback') throw new Error('pinned request did not go to the fallback alone');
          return s;
        },
        directToFallback: () => directRequest(client, MODEL),
      },
      warmupRounds,
      rounds,
    );
    // The state file is written asynchronously; let the last write land before the folder goes.
    await router.state.flush();
    return samples;
  } finally {
    db.storage.close();
    rmSync(dir, { recursive: true, force: true });
    await Promise.all([primary.close(), fallback.close(), local.close()]);
  }
}
