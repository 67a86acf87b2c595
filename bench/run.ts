/**
 * `npm run bench`: router overhead, TTFT ratio, failover and hedging cost against
 * the fake provider on 127.0.0.1 with zero token latency. Prints a table and writes
 * bench/results.json. Not a test: the goals are reported, never asserted.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, platform } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chatMetrics, failoverMetrics, hedgeMetrics, overheadMetrics } from './metrics.js';
import { printTable } from './report.js';
import { runChat } from './scenarios/chat.js';
import { runFailover } from './scenarios/failover.js';
import { runHedge, STALL_MS } from './scenarios/hedge.js';
import { runOverhead } from './scenarios/overhead.js';
import { localApiMetrics, runLocalApi } from './scenarios/local-api.js';
import { runStorage } from './scenarios/storage.js';
import { runUi } from './scenarios/ui.js';
import { runStartup } from './scenarios/startup.js';
import { runEngine } from './scenarios/engine.js';

// The overhead warm-up is long because the app runs for hours: the figures are
// for code the JIT has optimised, on both paths, not for its first few hundred calls.
const COUNTS = { overheadWarmup: 1000, overheadRounds: 1000, chatWarmup: 600, chatRounds: 600, failoverWarmup: 20, failoverRounds: 200, hedgeWarmup: 1, hedgeRuns: 30, apiWarmup: 300, apiRounds: 20, apiRoundSize: 25, uiFirstTokenRounds: 20, uiOpenRounds: 5 };

async function main(): Promise<void> {
  const started = performance.now();
  // Other work on the machine moves every figure; the load average says how much there was.
  const loadAtStart = loadavg()[0] ?? 0;
  const log = (text: string): void => console.error(`[bench] ${text}`);
  log(`overhead: ${COUNTS.overheadWarmup} warm-up + ${COUNTS.overheadRounds} rounds of direct / adapter alone / routed (file) / routed (memory)`);
  const overhead = overheadMetrics(await runOverhead(COUNTS.overheadWarmup, COUNTS.overheadRounds));
  log(`chat: ${COUNTS.chatWarmup} warm-up + ${COUNTS.chatRounds} rounds of direct / routed / chat.send, over a mix of conversations`);
  const chat = chatMetrics(await runChat(COUNTS.chatWarmup, COUNTS.chatRounds));
  log(`failover: ${COUNTS.failoverWarmup} warm-up + ${COUNTS.failoverRounds} rounds`);
  const failover = failoverMetrics(await runFailover(COUNTS.failoverWarmup, COUNTS.failoverRounds));
  log(`hedge: ${COUNTS.hedgeRuns} runs at about a second, then ${COUNTS.hedgeRuns} with the delay from the primary's p90`);
  const hedge = hedgeMetrics(await runHedge(COUNTS.hedgeWarmup, COUNTS.hedgeRuns));
  log(`ui: Chromium against the headless host: ${COUNTS.uiFirstTokenRounds} first tokens, ${COUNTS.uiOpenRounds} opens of a 10,000-message conversation, one ~21k-token markdown stream`);
  const ui = await runUi({ firstTokenRounds: COUNTS.uiFirstTokenRounds, openRounds: COUNTS.uiOpenRounds });
  log(`local API: ${COUNTS.apiWarmup} warm-up + ${COUNTS.apiRounds} rounds of ${COUNTS.apiRoundSize}, direct and through the API, whole and streamed`);
  const localApi = localApiMetrics(await runLocalApi(COUNTS.apiWarmup, COUNTS.apiRounds, COUNTS.apiRoundSize));
  const storage = runStorage(log);
  log('startup: the headless host, process start to its first contract answer, 7 runs');
  const startup = await runStartup(7);
  log('engine: the built-in engine on the tiny model, 3 cold starts and 20 warm answers of 64 tokens');
  const engine = await runEngine(3, 20);

  const results = {
    timestamp: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    platform: platform(),
    loadAvg1m: { start: Math.round(loadAtStart * 100) / 100, end: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
    chatTtftExtraMsP50: chat.chatTtftExtraMsP50,
    routerOverheadMsP50: overhead.routerOverheadMsP50,
    routerOverheadMsP95: overhead.routerOverheadMsP95,
    routerOverheadMsP50InMemoryState: overhead.routerOverheadMsP50InMemoryState,
    ttftRatioVsDirect: overhead.ttftRatioVsDirect,
    failoverExtraMsP50: failover.failoverExtraMsP50,
    hedgedTtftMsMaxUnderStall: hedge.hedgedTtftMsMaxUnderStall,
    uiFirstTokenExtraMsP50: ui.uiFirstTokenExtraMsP50,
    uiUnpacedAnswerExtraMsP50: ui.uiUnpacedAnswerExtraMsP50,
    openConversation10kMsUi: ui.openConversation10kMsUi,
    longTasksOver50msDuring2000TokPerSecStream: ui.longTasksOver50msDuring2000TokPerSecStream,
    frameCostRatio20kVs1k: ui.frameCostRatio20kVs1k,
    rendererBundleKbGz: ui.rendererBundleKbGz,
    ...ui.paste,
    localApiOverheadMsP50: localApi.localApiOverheadMsP50,
    localApiOverheadMsP95: localApi.localApiOverheadMsP95,
    localApiTtftOverheadMsP50: localApi.localApiTtftOverheadMsP50,
    localApiTtftOverheadMsP95: localApi.localApiTtftOverheadMsP95,
    localApi,
    openConversation10kMs: storage.openConversation10kMs,
    searchMsP50At100k: storage.searchMsP50At100k,
    checkpointCostUsP50: storage.checkpointCostUsP50,
    attemptInsertUsP50: storage.attemptInsertUsP50,
    dbBytesPer1kMessages: storage.dbBytesPer1kMessages,
    startupToWindowMs: startup.startupToWindowMs,
    chat,
    startup,
    engineFirstTokenMsCold: engine.engineFirstTokenMsCold,
    engineFirstTokenMsWarm: engine.engineFirstTokenMsWarm,
    engineTokensPerSec: engine.engineTokensPerSec,
    engine,
    overhead,
    storage,
    failover,
    hedge: { ...hedge, primaryStallMs: STALL_MS },
    ui,
    samples: COUNTS,
    durationMs: Math.round(performance.now() - started),
  };

  printTable(`Switchboard router bench  (${results.node}, ${results.cpu} x${results.cores}, load ${results.loadAvg1m.start}→${results.loadAvg1m.end}, ${results.timestamp})`, [
    { metric: 'chatTtftExtraMsP50 (contract call → SDK → coalescer, paired)', value: chat.chatTtftExtraMsP50, unit: 'ms', goal: '< 0.5 ms', met: chat.chatTtftExtraMsP50 < 0.5 },
    { metric: 'chatTtftExtraMsP95', value: chat.chatTtftExtraMsP95, unit: 'ms' },
    { metric: 'chat TTFT ratio vs direct (paired)', value: chat.chatTtftRatioVsDirect },
    { metric: 'of which routing / chat service (p50s)', value: `${chat.routedTtftExtraMsP50.toFixed(3)} / ${chat.chatServiceTtftExtraMsP50.toFixed(3)}`, unit: 'ms' },
    { metric: 'chat direct TTFT p50 / chat TTFT p50', value: `${chat.direct.ttftMsP50.toFixed(3)} / ${chat.chat.ttftMsP50.toFixed(3)}`, unit: 'ms' },
    // Reported, no longer goals (issue 15): against a loopback fake, a fraction of a millisecond of router
    // code is below the bench's own noise; chatTtftExtraMsP50 is what a user waits for.
    { metric: 'routerOverheadMsP50 (switchboard.db)', value: overhead.routerOverheadMsP50, unit: 'ms' },
    { metric: 'routerOverheadMsP95 (switchboard.db)', value: overhead.routerOverheadMsP95, unit: 'ms' },
    { metric: 'routerOverheadMsP50InMemoryState', value: overhead.routerOverheadMsP50InMemoryState, unit: 'ms' },
    { metric: 'routerOverheadMsP95InMemoryState', value: overhead.routerOverheadMsP95InMemoryState, unit: 'ms' },
    { metric: 'persistenceCostMsP50 (file - memory)', value: overhead.persistenceCostMsP50, unit: 'ms' },
    { metric: 'state write after the answer, p50', value: overhead.stateWriteMsP50, unit: 'ms' },
    { metric: 'ttftRatioVsDirect (switchboard.db, paired)', value: overhead.ttftRatioVsDirect },
    { metric: 'ttftExtraMsP50 (paired)', value: overhead.ttftExtraMsP50, unit: 'ms' },
    { metric: 'ttft ratio of medians (cross-check)', value: overhead.ttftRatioOfMedians },
    { metric: 'ttftRatioVsDirectInMemoryState', value: overhead.ttftRatioVsDirectInMemoryState },
    { metric: 'ttft ratio, adapter alone (no routing)', value: overhead.ttftRatioAdapterOnly },
    { metric: 'planning p50, after other work / back to back', value: `${overhead.planningMsP50AfterOtherWork.toFixed(3)} / ${overhead.planningMsP50BackToBack.toFixed(3)}`, unit: 'ms' },
    { metric: 'direct TTFT p50 / p95', value: `${overhead.direct.ttftMsP50.toFixed(3)} / ${overhead.direct.ttftMsP95.toFixed(3)}`, unit: 'ms' },
    { metric: 'direct total p50 / p95', value: `${overhead.direct.totalMsP50.toFixed(3)} / ${overhead.direct.totalMsP95.toFixed(3)}`, unit: 'ms' },
    { metric: 'routed TTFT p50 / p95 (db)', value: `${overhead.routedFileState.ttftMsP50.toFixed(3)} / ${overhead.routedFileState.ttftMsP95.toFixed(3)}`, unit: 'ms' },
    { metric: 'routed total p50 / p95 (db)', value: `${overhead.routedFileState.totalMsP50.toFixed(3)} / ${overhead.routedFileState.totalMsP95.toFixed(3)}`, unit: 'ms' },
    { metric: 'failoverExtraMsP50 (vs pinned fallback)', value: failover.failoverExtraMsP50, unit: 'ms', goal: '< 5 ms', met: failover.failoverExtraMsP50 < 5 },
    { metric: 'failoverExtraMsP95', value: failover.failoverExtraMsP95, unit: 'ms' },
    { metric: 'failover TTFT vs direct SDK, p50 extra', value: failover.failoverExtraMsP50VsDirectSdk, unit: 'ms' },
    { metric: `hedgedTtftMsMaxUnderStall (max of ${hedge.runs})`, value: hedge.hedgedTtftMsMaxUnderStall, unit: 'ms', goal: `~ delay ${hedge.hedgeDelayMs} ms + hedge TTFT` },
    { metric: 'hedgedTtftMsP50UnderStall', value: hedge.hedgedTtftMsP50UnderStall, unit: 'ms' },
    { metric: 'hedge launched at p50 (observed)', value: hedge.hedgeStartMsP50Observed, unit: 'ms' },
    { metric: 'delay from primary p90: p90 / launched p50', value: `${hedge.fromPrimaryP90.primaryP90TtftMs.toFixed(1)} / ${hedge.fromPrimaryP90.hedgeStartMsP50Observed.toFixed(1)}`, unit: 'ms' },
    { metric: 'delay from primary p90: hedged TTFT p50 / max', value: `${hedge.fromPrimaryP90.hedgedTtftMsP50.toFixed(1)} / ${hedge.fromPrimaryP90.hedgedTtftMsMax.toFixed(1)}`, unit: 'ms' },
    { metric: 'uiFirstTokenExtraMsP50 (Enter to painted, minus the fake)', value: ui.uiFirstTokenExtraMsP50, unit: 'ms', goal: '< 17 ms', met: ui.uiFirstTokenExtraMsP50 < 17 },
    { metric: 'the same with an unpaced fake (whole answer with its first token)', value: ui.uiUnpacedAnswerExtraMsP50, unit: 'ms' },
    { metric: 'openConversation10kMsUi (click to last message painted)', value: ui.openConversation10kMsUi, unit: 'ms', goal: '< 300 ms', met: ui.openConversation10kMsUi < 300 },
    { metric: 'longTasksOver50msDuring2000TokPerSecStream', value: ui.longTasksOver50msDuring2000TokPerSecStream, goal: '0', met: ui.longTasksOver50msDuring2000TokPerSecStream === 0 },
    { metric: 'frameCostRatio20kVs1k', value: ui.frameCostRatio20kVs1k, goal: '<= 1.5', met: ui.frameCostRatio20kVs1k <= 1.5 },
    { metric: 'work per frame at 1k / 20k tokens', value: `${ui.stream.workPerFrameMsAt1k} / ${ui.stream.workPerFrameMsAt20k}`, unit: 'ms' },
    { metric: 'stream rate observed', value: ui.stream.tokensPerSecond, unit: 'tok/s' },
    { metric: 'rendererBundleKbGz (initial JS)', value: ui.rendererBundleKbGz, unit: 'KB', goal: '< 250 KB', met: ui.rendererBundleKbGz < 250 },
    { metric: 'localApiOverheadMsP50 (whole request)', value: localApi.localApiOverheadMsP50, unit: 'ms', goal: '< 0.35 ms', met: localApi.localApiOverheadMsP50 < 0.35 },
    { metric: 'localApiOverheadMsP95 (whole request)', value: localApi.localApiOverheadMsP95, unit: 'ms' },
    { metric: 'localApiTtftOverheadMsP50 (streamed)', value: localApi.localApiTtftOverheadMsP50, unit: 'ms', goal: '< 0.35 ms', met: localApi.localApiTtftOverheadMsP50 < 0.35 },
    { metric: 'localApiTtftOverheadMsP95 (streamed)', value: localApi.localApiTtftOverheadMsP95, unit: 'ms' },
    { metric: 'bare Node proxy overhead p50 (whole / TTFT), the floor', value: `${localApi.bareNodeProxyOverheadMsP50} / ${localApi.bareNodeProxyTtftOverheadMsP50}`, unit: 'ms' },
    { metric: 'local API above the bare proxy p50 (whole / TTFT)', value: `${localApi.localApiAboveBareProxyMsP50} / ${localApi.localApiTtftAboveBareProxyMsP50}`, unit: 'ms' },
    { metric: 'local API direct / through p50 (whole)', value: `${localApi.complete.directP50.toFixed(3)} / ${localApi.complete.apiP50.toFixed(3)}`, unit: 'ms' },
    { metric: 'local API direct / through p50 (TTFT)', value: `${localApi.ttft.directP50.toFixed(3)} / ${localApi.ttft.apiP50.toFixed(3)}`, unit: 'ms' },
    { metric: 'openConversation10kMs (latest page, p50 / first)', value: `${storage.openConversation10kMs} / ${storage.openConversation10kMsFirst}`, unit: 'ms', goal: '< 30 ms', met: storage.openConversation10kMs < 30 },
    { metric: 'searchMsP50At100k (p95)', value: `${storage.searchMsP50At100k} (${storage.searchMsP95At100k})`, unit: 'ms', goal: '< 50 ms', met: storage.searchMsP50At100k < 50 },
    { metric: 'search of a 1-2 character term (scan), p50', value: storage.searchShortTermMsP50At100k, unit: 'ms' },
    { metric: 'checkpointCostUsP50', value: storage.checkpointCostUsP50, unit: 'µs', goal: '< 200 µs', met: storage.checkpointCostUsP50 < 200 },
    { metric: 'attemptInsertUsP50', value: storage.attemptInsertUsP50, unit: 'µs' },
    { metric: 'dbBytesPer1kMessages', value: storage.dbBytesPer1kMessages, unit: 'B' },
    { metric: 'startupToWindowMs (headless host, median)', value: startup.startupToWindowMs ?? startup.note ?? 'n/a', unit: startup.startupToWindowMs === null ? '' : 'ms' },
    { metric: 'engineFirstTokenMs cold / warm (tiny model)', value: `${engine.engineFirstTokenMsCold} / ${engine.engineFirstTokenMsWarm}`, unit: 'ms' },
    { metric: 'engineTokensPerSec (tiny model: plumbing, not a model)', value: engine.engineTokensPerSec, unit: 'tok/s' },
    { metric: 'samples (overhead / chat / failover / hedge)', value: `${COUNTS.overheadRounds} / ${COUNTS.chatRounds} / ${COUNTS.failoverRounds} / ${COUNTS.hedgeRuns}` },
    { metric: 'duration', value: results.durationMs, unit: 'ms' },
  ]);

  // npm runs scripts from the project root.
  const out = resolve('bench', 'results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`, 'utf8');
  log(`wrote ${out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
