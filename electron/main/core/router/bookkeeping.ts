/**
 * Usage, quotas, spend and recent attempts, kept in one place per router: the
 * attempt ledger (the attempts table) when there is one, so every figure is
 * read from the record itself; otherwise counters in the snapshot.
 */
import type { Attempt } from '../../../../shared/chat.js';
import type { Notice } from '../../../../shared/contract/calls-settings.js';
import type { Settings } from '../../../../shared/settings.js';
import { pushRecent } from './health-stats.js';
import type { RouterCore } from './prepare-route.js';
import { budgetNotices, countUsage, rollover } from './quotas.js';
import type { RecentAttempt } from './state.js';
import type { SettledAttempt } from './types.js';

/** Brings the snapshot's usage counters and recent attempts up to date for `now`. */
export function syncUsage(core: RouterCore, now: number): void {
  const { snapshot, deps } = core;
  rollover(snapshot.usage, now);
  if (!deps.ledger) return;
  const usage = deps.ledger.usage(now);
  snapshot.usage.providers = usage.providers;
  snapshot.usage.dayUsd = usage.dayUsd;
  snapshot.usage.monthUsd = usage.monthUsd;
  snapshot.recent = deps.ledger.recent();
}

/** What an attempt says about its provider's health; a cancel or a lost hedge says nothing. */
export function recentEntry(a: Attempt): RecentAttempt | undefined {
  if (a.outcome === 'ok') return { at: a.startedAt, ok: true, ms: a.ms, ...(a.ttftMs !== undefined ? { ttftMs: a.ttftMs } : {}) };
  if (a.outcome === 'error') return { at: a.startedAt, ok: false, ms: a.ms, ...(a.errorKind ? { kind: a.errorKind } : {}) };
  return undefined;
}

/** Books one settled attempt and returns the budget notices that became due. */
export function bookAttempt(core: RouterCore, settings: Settings, entry: SettledAttempt, now: number): Notice[] {
  const { snapshot, deps } = core;
  if (deps.ledger) {
    deps.ledger.record(entry);
    syncUsage(core, now);
  } else {
    const a = entry.attempt;
    countUsage(snapshot.usage, { provider: a.provider, tokens: entry.quota.tokens, costUsd: a.costUsd ?? 0, local: entry.quota.requests === 0 });
    const recent = recentEntry(a);
    if (recent) pushRecent(snapshot, a.provider, recent);
  }
  return budgetNotices(settings, snapshot.usage);
}
