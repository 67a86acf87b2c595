/**
 * The built-in engine on the tiny random-weight model, at the adapter (what the
 * router sees): engineFirstTokenMs cold (a new engine process: start, node-llama-cpp,
 * model load, prompt) and warm (the model already loaded), and engineTokensPerSec
 * over the rest of a 64-token answer. The model has two layers of width 64, so
 * these are the plumbing's cost (process hop, IPC, chat template, sampling), not
 * any real model's speed. The worker is bundled, as the app ships it, so tsx's
 * compile is not in the cold figure.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { createEngineAdapter } from '../../electron/main/core/providers/engine/engine-adapter.js';
import { createEngineHost } from '../../electron/main/core/providers/engine/engine-host.js';
import { nodeEngineLauncher } from '../../electron/main/core/providers/engine/node-launcher.js';
import { realClock } from '../../electron/main/core/router/types.js';
import { writeTinyModel } from '../../tests/engine/tiny-model.js';
import { percentile } from '../stats.js';

const root = join(import.meta.dirname, '..', '..');
const TOKENS = 64;

async function bundleWorker(): Promise<string> {
  const outfile = join(root, '.tmp', 'bench', 'engine-worker.mjs');
  await build({ entryPoints: [join(root, 'electron', 'main', 'core', 'providers', 'engine', 'engine-worker.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning' });
  return outfile;
}

function engineOn(worker: string, model: string) {
  const host = createEngineHost({ launch: nodeEngineLauncher(worker), clock: realClock, provider: 'engine', idleUnloadMs: 60_000 });
  const adapter = createEngineAdapter({ id: 'engine', host, clock: realClock, modelPath: () => model, installed: async () => ['tiny'] });
  return { host, adapter };
}

/** One answer: ms to the first text, and output tokens per second after it. */
async function answer(adapter: ReturnType<typeof engineOn>['adapter'], prompt: string): Promise<{ firstMs: number; tokensPerSec: number }> {
  const started = performance.now();
  let first: number | undefined;
  let tokens = 0;
  const options = { signal: new AbortController().signal, timeouts: { connectMs: 120_000, firstTokenMs: 60_000, idleMs: 60_000 } };
  for await (const event of adapter.stream({ model: 'tiny', messages: [{ role: 'user', content: prompt }], maxTokens: TOKENS }, options)) {
    if (event.type === 'text') first ??= performance.now();
    if (event.type === 'done') tokens = event.usage?.outputTokens ?? 0;
  }
  const end = performance.now();
  const firstAt = first ?? end;
  return { firstMs: firstAt - started, tokensPerSec: tokens > 1 ? (tokens - 1) / ((end - firstAt) / 1000) : 0 };
}

export async function runEngine(coldRuns: number, warmRuns: number) {
  const worker = await bundleWorker();
  const model = writeTinyModel();
  const cold: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    const engine = engineOn(worker, model);
    cold.push((await answer(engine.adapter, `Cold start ${i}`)).firstMs);
    engine.host.close();
  }
  const engine = engineOn(worker, model);
  await answer(engine.adapter, 'warm-up');
  const warm: number[] = [];
  const speeds: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    const run = await answer(engine.adapter, `Warm question ${i}`);
    warm.push(run.firstMs);
    speeds.push(run.tokensPerSec);
  }
  engine.host.close();
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    engineFirstTokenMsCold: round(percentile(cold, 50)),
    engineFirstTokenMsWarm: round(percentile(warm, 50)),
    engineFirstTokenMsWarmP95: round(percentile(warm, 95)),
    engineTokensPerSec: round(percentile(speeds, 50)),
    samples: { cold: cold.map(round), warm: warm.length, tokensPerAnswer: TOKENS },
  };
}
