/**
 * The provider book: the one owner of the router's snapshot (breakers,
 * cooldowns, quotas, spend, recent attempts, flagged models). Everything that
 * changes it goes through here, and every change is saved. Planning, the
 * target checks and health only read it.
 *
 * Persistence is the small RouterStateStore interface (load a snapshot, save
 * one), so any storage can back it. Usage, quotas, spend and recent attempts
 * come from the attempt ledger (the attempts table) when there is one, so
 * every figure is read from the record itself and includes what other
 * processes on the same data sent; without one they are counters here.
 */
import type { Notice } from '../../../../shared/contract/calls-settings.js';
import type { Settings } from '../../../../shared/settings.js';
import type { ProviderError } from '../providers/provider-error.js';
import type { RateLimitSnapshot } from '../providers/types.js';
import { type BreakerTuning, closeAfterProbe, recordProbeFailure, recordSuccess } from './breaker.js';
import { applyFailure, type FailureEffect } from './failure-policy.js';
import { pushRecent, recentEntry } from './health-stats.js';
import { budgetNotices, countUsage, rollover } from './quotas.js';
import { type FlaggedTarget, providerState, readSnapshot, type RouterSnapshot, type RouterStateStore } from './state.js';
import { dayKey, monthKey } from './time-and-words.js';
import type { AttemptLedger, SettledAttempt } from './types.js';

export interface Success {
  provider: string;
  at: number;
  ms: number;
  ttftMs?: number;
}

export interface Failure {
  provider: string;
  model: string;
  error: ProviderError;
  at: number;
  ms: number;
  now: number;
  promptTokens: number;
  contextWindow?: number;
}

export class ProviderBook {
  private readonly data: RouterSnapshot;

  constructor(
    private readonly store: RouterStateStore | undefined,
    now: number,
    readonly tuning: BreakerTuning,
    private readonly ledger?: AttemptLedger,
  ) {
    this.data = readSnapshot(store, dayKey(now), monthKey(now));
  }

  /** For reading only (plans, checks, health); changes go through the methods below. */
  get snapshot(): Readonly<RouterSnapshot> {
    return this.data;
  }

  /** Brings usage and recent attempts up to date for `now` (a new local day or month starts new counters). */
  syncUsage(now: number): void {
    rollover(this.data.usage, now);
    if (!this.ledger) return;
    const usage = this.ledger.usage(now);
    this.data.usage.providers = usage.providers;
    this.data.usage.dayUsd = usage.dayUsd;
    this.data.usage.monthUsd = usage.monthUsd;
    this.data.recent = this.ledger.recent();
  }

  /** Records one settled call (a chat attempt or a probe) and returns the budget notices that became due. */
  recordAttempt(settings: Settings, entry: SettledAttempt, now: number): Notice[] {
    if (this.ledger) {
      this.ledger.record(entry);
      this.syncUsage(now);
    } else {
      const a = entry.attempt;
      countUsage(this.data.usage, { provider: a.provider, tokens: entry.quota.tokens, costUsd: a.costUsd ?? 0, local: entry.quota.requests === 0 });
      const recent = recentEntry(a);
      if (recent) pushRecent(this.data, a.provider, recent);
      this.save();
    }
    return budgetNotices(settings, this.data.usage);
  }

  /** The provider's own word on what is left, from the headers of a response. */
  recordRateLimit(provider: string, rateLimit: RateLimitSnapshot, at: number): void {
    const ps = providerState(this.data, provider);
    ps.rateLimit = rateLimit;
    ps.rateLimitAt = at;
    this.save();
  }

  recordSuccess(s: Success): void {
    const ps = providerState(this.data, s.provider);
    recordSuccess(ps);
    ps.lastLatencyMs = s.ms;
    this.save();
  }

  /** Counts a failure against the provider and says what it means for the rest of the chain. */
  recordFailure(f: Failure): FailureEffect {
    const effect = applyFailure({ ...f, snapshot: this.data, tuning: this.tuning });
    this.save();
    return effect;
  }

  /** The half-open probe's answer: the breaker closes, or opens again for longer. The probe is an attempt too. */
  recordProbe(p: { provider: string; model: string; ok: boolean; startedAt: number; now: number }): void {
    this.ledger?.record({
      attempt: { provider: p.provider, model: p.model, outcome: p.ok ? 'ok' : 'error', startedAt: p.startedAt, ms: p.now - p.startedAt },
      source: 'probe',
      fallback: false,
      quota: { requests: 0, tokens: 0 },
    });
    const ps = providerState(this.data, p.provider);
    if (p.ok) closeAfterProbe(ps);
    else recordProbeFailure(ps, p.now, this.tuning);
    this.save();
  }

  /** The key of a provider was replaced: forget that the old one was rejected. */
  keyChanged(provider: string): void {
    const ps = providerState(this.data, provider);
    ps.keyRejected = undefined;
    if (ps.lastErrorKind === 'auth') {
      ps.lastErrorKind = undefined;
      ps.lastError = undefined;
    }
    this.save();
  }

  resetCircuit(provider: string): void {
    const ps = providerState(this.data, provider);
    closeAfterProbe(ps);
    ps.rateLimitStreak = 0;
    this.save();
  }

  flagged(): FlaggedTarget[] {
    return this.data.flagged.map((f) => ({ ...f }));
  }

  unflag(provider: string, model?: string): void {
    this.data.flagged = this.data.flagged.filter((f) => f.provider !== provider || (model !== undefined && f.model !== model));
    this.save();
  }

  /** Waits until everything saved so far is stored. */
  async flush(): Promise<void> {
    await this.store?.flush?.();
  }

  private save(): void {
    this.store?.save(this.data);
  }
}

