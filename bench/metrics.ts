/** Turns the raw samples of each scenario into the figures results.json reports. */
import { HEDGE_DEFAULT_DELAY_MS } from '../electron/main/core/router/hedge.js';
import type { ChatSamples } from './scenarios/chat.js';
import type { FailoverSamples } from './scenarios/failover.js';
import type { HedgeSamples } from './scenarios/hedge.js';
import type { OverheadSamples } from './scenarios/overhead.js';
import { ms, pairedDiffs, pairedRatios, percentile } from './stats.js';
import type { Sample } from './timing.js';

const ttfts = (s: Sample[]): number[] => s.map((x) => x.ttftMs);
const totals = (s: Sample[]): number[] => s.map((x) => x.totalMs);
const p = (values: number[], q: number): number => ms(percentile(values, q));

function latency(s: Sample[]): { ttftMsP50: number; ttftMsP95: number; totalMsP50: number; totalMsP95: number; n: number } {
  return { ttftMsP50: p(ttfts(s), 50), ttftMsP95: p(ttfts(s), 95), totalMsP50: p(totals(s), 50), totalMsP95: p(totals(s), 95), n: s.length };
}

export function overheadMetrics(o: OverheadSamples) {
  const file = pairedDiffs(totals(o.routedFile), totals(o.direct));
  const memory = pairedDiffs(totals(o.routedMemory), totals(o.direct));
  const persistence = pairedDiffs(totals(o.routedFile), totals(o.routedMemory));
  return {
    routerOverheadMsP50: p(file, 50),
    routerOverheadMsP95: p(file, 95),
    routerOverheadMsP50InMemoryState: p(memory, 50),
    routerOverheadMsP95InMemoryState: p(memory, 95),
    persistenceCostMsP50: p(persistence, 50),
    /** Difference of medians, a cross-check on the paired median. */
    routerOverheadMsP50OfMedians: ms(percentile(totals(o.routedFile), 50) - percentile(totals(o.direct), 50)),
    routerOverheadMsP95OfP95s: ms(percentile(totals(o.routedFile), 95) - percentile(totals(o.direct), 95)),
    /**
     * The median over rounds of routed TTFT / direct TTFT, the two taken moments
     * apart: paired like the overhead above, so the machine's drift between
     * rounds cancels. The ratio of the two medians is kept as a cross-check; it
     * moves more from run to run because the two medians may come from
     * different rounds.
     */
    ttftRatioVsDirect: ms(percentile(pairedRatios(ttfts(o.routedFile), ttfts(o.direct)), 50)),
    ttftRatioVsDirectInMemoryState: ms(percentile(pairedRatios(ttfts(o.routedMemory), ttfts(o.direct)), 50)),
    /** The adapter alone (stream guard, its one SDK client) against the bare SDK: the part of the ratio that is not routing. */
    ttftRatioAdapterOnly: ms(percentile(pairedRatios(ttfts(o.adapterOnly), ttfts(o.direct)), 50)),
    ttftRatioOfMedians: ms(percentile(ttfts(o.routedFile), 50) / percentile(ttfts(o.direct), 50)),
    ttftExtraMsP50: p(pairedDiffs(ttfts(o.routedFile), ttfts(o.direct)), 50),
    stateFileBytes: o.stateFileBytes,
    /** Writing the router state to switchboard.db after the answer was handed over: not part of the request's time. */
    stateWriteMsP50: p(o.stateWrites, 50),
    /** Planning one message right after other work (as every message is planned) and again at once. */
    planningMsP50AfterOtherWork: p(o.planning.afterOtherWork, 50),
    planningMsP50BackToBack: p(o.planning.backToBack, 50),
    direct: latency(o.direct),
    adapterOnly: latency(o.adapterOnly),
    routedFileState: latency(o.routedFile),
    routedMemoryState: latency(o.routedMemory),
  };
}

/** At the chat service: what the contract call, the writes, routing and the event path add to the first token. */
export function chatMetrics(c: ChatSamples) {
  const extra = pairedDiffs(ttfts(c.chat), ttfts(c.direct));
  return {
    chatTtftExtraMsP50: p(extra, 50),
    chatTtftExtraMsP95: p(extra, 95),
    chatTtftRatioVsDirect: ms(percentile(pairedRatios(ttfts(c.chat), ttfts(c.direct)), 50)),
    /** The same conversations through router.route() alone: the part of the extra that is routing. */
    routedTtftExtraMsP50: p(pairedDiffs(ttfts(c.routed), ttfts(c.direct)), 50),
    /** Chat minus routed: the contract, the chat service's writes, the event bus and the coalescer. */
    chatServiceTtftExtraMsP50: p(pairedDiffs(ttfts(c.chat), ttfts(c.routed)), 50),
    direct: latency(c.direct),
    routed: latency(c.routed),
    chat: latency(c.chat),
  };
}

export function failoverMetrics(f: FailoverSamples) {
  const extra = pairedDiffs(ttfts(f.failover), ttfts(f.straightToFallback));
  return {
    failoverExtraMsP50: p(extra, 50),
    failoverExtraMsP95: p(extra, 95),
    failoverExtraMsP50VsDirectSdk: p(pairedDiffs(ttfts(f.failover), ttfts(f.directToFallback)), 50),
    failover: latency(f.failover),
    straightToFallback: latency(f.straightToFallback),
    directToFallback: latency(f.directToFallback),
  };
}

export function hedgeMetrics(h: HedgeSamples) {
  const t = ttfts(h.runs);
  const starts = h.runs.flatMap((r) => (r.hedgeStartMs === undefined ? [] : [r.hedgeStartMs]));
  const fromP90 = ttfts(h.fromP90.runs);
  return {
    /** The slowest of the runs: a few dozen runs cannot give a real p99. */
    hedgedTtftMsMaxUnderStall: ms(Math.max(...t)),
    hedgedTtftMsP50UnderStall: p(t, 50),
    hedgeDelayMs: HEDGE_DEFAULT_DELAY_MS,
    hedgeStartMsP50Observed: p(starts, 50),
    /** TTFT minus the moment the hedge was launched: the hedge's own time to answer. */
    hedgeOwnTtftMsP50: p(pairedDiffs(t, starts), 50),
    runs: h.runs.length,
    /** The primary answered before with a slow first token: the delay is its recent p90, not the default. */
    fromPrimaryP90: {
      primaryP90TtftMs: ms(h.fromP90.primaryP90TtftMs),
      hedgeStartMsP50Observed: p(h.fromP90.runs.flatMap((r) => (r.hedgeStartMs === undefined ? [] : [r.hedgeStartMs])), 50),
      hedgedTtftMsP50: p(fromP90, 50),
      hedgedTtftMsMax: ms(Math.max(...fromP90)),
      runs: h.fromP90.runs.length,
    },
  };
}
