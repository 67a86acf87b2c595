/**
 * Router overhead: the same prompt to the same fake (zero token delay), straight
 * through the OpenAI SDK, through the app's adapter alone, and through
 * router.route() with that adapter, once with the database the app uses
 * (switchboard.db: router state and the attempt ledger) and once in memory.
 *
 * Method: the four kinds run interleaved (see interleave.ts), after a warm-up
 * that opens keep-alive sockets and lets the JIT settle. Overhead is the paired
 * difference routed.total - direct.total of the same round; its median is robust
 * against the odd GC pause, its p95 includes the noise of both requests. The
 * routed total ends when route() resolves, i.e. after bookkeeping and the save
 * was queued; the asynchronous write itself finishes before the next sample.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import OpenAI from 'openai';
import { createMemoryStateStore, type Router } from '../../electron/main/core/router/index.js';
import { interleave, PAUSE_MS } from '../interleave.js';
import { BENCH_KEY, benchAdapter, benchRouter, benchStorage, cloudAndLocal, MODEL } from '../setup.js';
import { adapterRequest, directRequest, PROMPT, routedRequest, type RoutedSample, type Sample } from '../timing.js';

export interface OverheadSamples {
  direct: Sample[];
  /** The cloud provider's adapter on its own, without routing. */
  adapterOnly: Sample[];
  routedFile: Sample[];
  routedMemory: Sample[];
  stateFileBytes: number;
  /** From route() resolving until that message's state write was on disk, measured apart. */
  stateWrites: number[];
  /** Planning a message (preview()) as the first thing after a request and the pause, and again at once. */
  planning: { afterOtherWork: number[]; backToBack: number[] };
}

async function straightRoute(router: Router): Promise<RoutedSample> {
  const s = await routedRequest(router);
  if (s.result.provider !== 'openai' || s.result.attempts.length !== 1) {
    // Timing any other path would report its figures as the router's.
    const why = [...s.result.trace.skipped.map((k) => `${k.provider} skipped: ${k.reason}`), ...s.result.attempts.map((a) => `${a.provider}: ${a.outcome}`)];
    throw new Error(`overhead run did not go straight to the cloud target (${why.join('; ') || `answered by ${s.result.provider}`})`);
  }
  return s;
}

/**
 * The state file is written after route() resolves, once the answer is handed
 * over, so it is no part of a request's time; this is how long that write takes
 * on its own, measured apart from the interleaved rounds.
 */
async function stateWriteTimes(router: Router, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await straightRoute(router);
    const started = performance.now();
    await router.state.flush();
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Planning (task detection, the chain and its checks) timed twice in a row,
 * each time after a direct request and the usual pause. The first call meets
 * processor caches that hold the SDK's and the fake's work, as every message's
 * planning does; the second runs at once, on warm ones. The gap explains why
 * code that takes microseconds in a loop adds tens of them to a first token.
 * preview() checks every target, so it plans a little more than route() does.
 */
async function planningTimes(router: Router, client: OpenAI, count: number): Promise<OverheadSamples['planning']> {
  const afterOtherWork: number[] = [];
  const backToBack: number[] = [];
  const question = { messages: PROMPT, taskChoice: 'auto' } as const;
  for (let i = 0; i < count; i++) {
    await directRequest(client, MODEL);
    await sleep(PAUSE_MS);
    let started = performance.now();
    router.preview(question);
    afterOtherWork.push(performance.now() - started);
    started = performance.now();
    router.preview(question);
    backToBack.push(performance.now() - started);
  }
  return { afterOtherWork, backToBack };
}

export async function runOverhead(warmupRounds: number, rounds: number): Promise<OverheadSamples> {
  const { cloud, providers, close } = await cloudAndLocal();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const db = benchStorage(dir);
  try {
    const routes = { general: ['openai'] };
    const fileRouter = benchRouter({ providers, routes, local: 'ollama', state: db.state, ledger: db.ledger });
    const memoryRouter = benchRouter({ providers, routes, local: 'ollama', state: createMemoryStateStore() });
    const client = new OpenAI({ baseURL: cloud.baseURL, apiKey: BENCH_KEY, maxRetries: 0 });
    const adapter = benchAdapter({ id: 'openai', kind: 'openai', fake: cloud });

    const samples = await interleave(
      {
        direct: () => directRequest(client, MODEL),
        adapterOnly: () => adapterRequest(adapter, MODEL),
        routedFile: () => straightRoute(fileRouter),
        routedMemory: () => straightRoute(memoryRouter),
      },
      warmupRounds,
      rounds,
      // A state write still in flight would land in the next sample, whichever kind it is.
      () => Promise.all([fileRouter.state.flush(), memoryRouter.state.flush()]),
    );
    const stateWrites = await stateWriteTimes(fileRouter, 200);
    const planning = await planningTimes(fileRouter, client, 500);
    // The state file is written asynchronously; let the last write land before it is read and removed.
    await fileRouter.state.flush();
    return {
      direct: samples.direct,
      adapterOnly: samples.adapterOnly,
      routedFile: samples.routedFile,
      routedMemory: samples.routedMemory,
      stateFileBytes: statSync(db.storage.path).size,
      stateWrites,
      planning,
    };
  } finally {
    db.storage.close();
    rmSync(dir, { recursive: true, force: true });
    await close();
  }
}
