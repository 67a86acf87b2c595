/**
 * The health read-out of every configured provider: the one function the health
 * panel, `switchboard health` and the router's `state.health()` all use. Its
 * figures are aggregates of the attempts table (`HealthRows`); its state adds
 * what the provider book knows (breakers, cooldowns, a rejected key, an
 * exhausted quota) and what the settings say (disabled, no key, quotas).
 */
import type { HealthSample, HealthState, ProviderHealth } from '../../../../shared/providers.js';
import type { Settings } from '../../../../shared/settings.js';
import type { ProviderAdapter } from '../providers/types.js';
import { displayName } from '../provider-preset.js';
import { breakerView } from './breaker.js';
import { percentile, RECENT_WINDOW_MS } from './health-stats.js';
import type { ProviderState, RouterSnapshot } from './state.js';
import { isLocal } from './target-checks.js';
import { nextLocalMidnight } from './time-and-words.js';
import type { HealthRowSample, HealthRows } from './types.js';

/** Calls drawn in the latency-and-errors chart. */
export const CHART_SAMPLES = 30;
/** At or above this share of answers a provider is healthy; below the lower one it is down. */
export const HEALTHY_SHARE = 0.9;
export const DOWN_SHARE = 0.5;

export interface HealthInput {
  snapshot: Readonly<RouterSnapshot>;
  settings: Settings;
  adapter: (providerId: string) => ProviderAdapter | { unavailable: string };
  online: boolean;
  rows: HealthRows;
  now: number;
}

export function providerHealth(input: HealthInput): ProviderHealth[] {
  const { settings, rows } = input;
  const unreachable = networkUnreachable(settings, rows);
  return settings.providers.map((p) => {
    const ps = input.snapshot.providers[p.id];
    const view = breakerView(ps, input.now);
    const figures = recentFigures(rows.recent[p.id] ?? []);
    const period = rows.periods[p.id];
    const quota = settings.quotas[p.id];
    const { state, until } = stateOf({ ...input, online: input.online && !unreachable }, p.id, p.enabled, ps, { ok: figures.samples - figures.failures - figures.hedgeLost, ...figures });
    const health: ProviderHealth = {
      provider: p.id,
      name: displayName(p),
      state,
      breaker: view.state,
      ...figures,
      requestsToday: period?.requestsToday ?? 0,
      tokensToday: period?.tokensToday ?? 0,
      costTodayUsd: period?.costTodayUsd ?? 0,
      costMonthUsd: period?.costMonthUsd ?? 0,
      lastError: rows.lastError[p.id] ?? null,
    };
    if (until !== undefined) health.until = until;
    if (quota) health.quota = { ...quota, requestsUsed: period?.quotaRequests ?? 0, tokensUsed: period?.quotaTokens ?? 0 };
    return health;
  });
}

type Figures = Pick<
  ProviderHealth,
  'successRate' | 'samples' | 'failures' | 'hedgeLost' | 'ttftMsP50' | 'ttftMsP95' | 'totalMsP50' | 'totalMsP95' | 'tokensPerSec' | 'recent'
>;

/** A user's cancel says nothing about the provider; a lost hedge race is a request it did not answer in time. */
export function recentFigures(list: readonly HealthRowSample[]): Figures {
  const samples = list.filter((s) => s.outcome !== 'cancelled');
  const ok = samples.filter((s) => s.outcome === 'ok');
  const ttfts = ok.flatMap((s) => (s.ttftMs !== undefined ? [s.ttftMs] : []));
  const totals = ok.map((s) => s.ms);
  // Tokens per second once text flows: the wait for the first token is latency, not speed.
  let tokens = 0;
  let seconds = 0;
  for (const s of ok) {
    if (s.ttftMs === undefined || !s.tokensOut || s.ms <= s.ttftMs) continue;
    tokens += s.tokensOut;
    seconds += (s.ms - s.ttftMs) / 1000;
  }
  return {
    successRate: samples.length === 0 ? null : ok.length / samples.length,
    samples: samples.length,
    failures: samples.filter((s) => s.outcome === 'error').length,
    hedgeLost: samples.filter((s) => s.outcome === 'hedge_lost').length,
    ttftMsP50: percentile(ttfts, 50) ?? null,
    ttftMsP95: percentile(ttfts, 95) ?? null,
    totalMsP50: percentile(totals, 50) ?? null,
    totalMsP95: percentile(totals, 95) ?? null,
    tokensPerSec: seconds > 0 ? tokens / seconds : null,
    recent: list.slice(-CHART_SAMPLES).map(chartSample),
  };
}

function chartSample(s: HealthRowSample): HealthSample {
  return { at: s.at, outcome: s.outcome, ms: s.ms, ...(s.ttftMs !== undefined ? { ttftMs: s.ttftMs } : {}) };
}

/**
 * The network is down though the system reports one (a Wi-Fi without internet, a
 * dead VPN) when the latest cloud calls of two providers or more could not
 * connect and no cloud call has worked since: the same rule that makes the router
 * skip the rest of the cloud. One provider refusing while another answers is
 * that provider being down.
 */
export function networkUnreachable(settings: Settings, rows: HealthRows): boolean {
  const cloud = Object.entries(rows.recent)
    .filter(([id]) => !isLocal(settings, id))
    .flatMap(([provider, list]) => list.filter((s) => s.outcome === 'ok' || s.outcome === 'error').map((s) => ({ provider, s })))
    .sort((x, y) => y.s.at - x.s.at);
  const failed = new Set<string>();
  for (const { provider, s } of cloud) {
    if (s.outcome !== 'error' || s.kind !== 'network') break;
    failed.add(provider);
  }
  return failed.size >= 2;
}

/** The first that holds wins: what stops every request before what describes how requests went. */
function stateOf(
  input: HealthInput,
  id: string,
  enabled: boolean,
  ps: ProviderState | undefined,
  figures: { ok: number; failures: number; hedgeLost: number },
): { state: HealthState; until?: number } {
  const { now, settings } = input;
  if (!enabled) return { state: 'disabled' };
  const adapter = input.adapter(id);
  if ('unavailable' in adapter) return { state: 'no_key' };
  if (ps?.keyRejected) return { state: 'key_rejected' };
  const local = isLocal(settings, id);
  if (!local && !input.online) return { state: 'offline' };
  if (ps?.exhaustedUntil !== undefined && now < ps.exhaustedUntil) return { state: 'quota_exhausted', until: ps.exhaustedUntil };
  const quota = settings.quotas[id];
  const used = input.rows.periods[id];
  if (!local && quota && used) {
    const out = (quota.requestsPerDay !== undefined && used.quotaRequests >= quota.requestsPerDay) || (quota.tokensPerDay !== undefined && used.quotaTokens >= quota.tokensPerDay);
    if (out) return { state: 'quota_exhausted', until: nextLocalMidnight(now) };
  }
  const view = breakerView(ps, now);
  if (view.state === 'open') {
    const rateLimited = ps?.lastErrorKind === 'rate_limited' || view.reason?.startsWith('retry after') === true;
    return { state: rateLimited ? 'rate_limited' : 'circuit_open', until: view.until };
  }
  const reset = ps?.rateLimit?.resetRequestsAt;
  if (ps?.rateLimit?.remainingRequests === 0 && reset !== undefined && now < reset) return { state: 'rate_limited', until: reset };
  // Past its wait the circuit is half-open: the next request probes it first.
  if (view.state === 'half_open') return { state: 'circuit_open' };
  const { ok, failures, hedgeLost } = figures;
  if (ok + failures + hedgeLost === 0) return { state: 'unknown' };
  // Losing hedge races means slow, not broken: at worst degraded.
  const answered = ok + failures === 0 ? 1 : ok / (ok + failures);
  if (answered < DOWN_SHARE) return { state: 'down' };
  return { state: answered >= HEALTHY_SHARE && hedgeLost === 0 ? 'healthy' : 'degraded' };
}

/** Without an attempts table (the router's own tests): the book's counters stand in for it. */
export function rowsFromSnapshot(snapshot: Readonly<RouterSnapshot>, now: number): HealthRows {
  const rows: HealthRows = { recent: {}, periods: {}, lastError: {} };
  for (const [provider, all] of Object.entries(snapshot.recent)) {
    // The same window as the attempts table's read-out: older calls are no recent figure.
    const list = all.filter((a) => now - a.at <= RECENT_WINDOW_MS);
    rows.recent[provider] = list.map((a) => ({ at: a.at, outcome: a.ok ? 'ok' : 'error', ms: a.ms, ...(a.ttftMs !== undefined ? { ttftMs: a.ttftMs } : {}), ...(a.kind ? { kind: a.kind } : {}) }));
  }
  for (const [provider, ps] of Object.entries(snapshot.providers)) {
    if (!ps.lastErrorKind) continue;
    const at = snapshot.recent[provider]?.findLast((a) => !a.ok)?.at ?? 0;
    rows.lastError[provider] = { kind: ps.lastErrorKind, message: ps.lastError ?? '', at };
  }
  for (const [provider, used] of Object.entries(snapshot.usage.providers)) {
    rows.periods[provider] = { requestsToday: used.requests, tokensToday: used.tokens, quotaRequests: used.requests, quotaTokens: used.tokens, costTodayUsd: 0, costMonthUsd: 0 };
  }
  return rows;
}
