/**
 * The provider book: the one owner of the router's snapshot (breakers,
 * cooldowns, quotas, spend, recent attempts, flagged models). Everything that
 * changes it goes through here, and every change is saved. Planning, the
 * target checks and health only read it.
 *
 * Persistence is the small RouterStateStore interface (load a snapshot, save
 * one), so any storage can back it.
 */
import type { Notice } from '../../../../shared/contract/calls-settings.js';
import type { Settings } from '../../../../shared/settings.js';
import type { ProviderError } from '../providers/provider-error.js';
import type { RateLimitSnapshot } from '../providers/types.js';
import { type BreakerTuning, closeAfterProbe, recordProbeFailure, recordSuccess } from './breaker.js';
import { applyFailure, type FailureEffect } from './failure-policy.js';
import { pushRecent } from './health-stats.js';
import { recordUsage, rollover } from './quotas.js';
import { type FlaggedTarget, providerState, readSnapshot, type RouterSnapshot, type RouterStateStore } from './state.js';
import { dayKey, monthKey } from './time-and-words.js';

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
  ) {
    this.data = readSnapshot(store, dayKey(now), monthKey(now));
  }

  /** For reading only (plans, checks, health); changes go through the methods below. */
  get snapshot(): Readonly<RouterSnapshot> {
    return this.data;
  }

  /** Starts new counters when the local day or month has changed. */
  turnDay(now: number): void {
    rollover(this.data.usage, now);
  }

  recordUsage(settings: Settings, call: { provider: string; tokens: number; costUsd: number; local: boolean }): Notice[] {
    const notices = recordUsage(settings, this.data.usage, call);
    this.save();
    return notices;
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
    pushRecent(this.data, s.provider, { at: s.at, ok: true, ms: s.ms, ...(s.ttftMs !== undefined ? { ttftMs: s.ttftMs } : {}) });
    this.save();
  }

  /** Counts a failure against the provider and says what it means for the rest of the chain. */
  recordFailure(f: Failure): FailureEffect {
    if (f.error.kind !== 'cancelled') pushRecent(this.data, f.provider, { at: f.at, ok: false, ms: f.ms, kind: f.error.kind });
    const effect = applyFailure({ ...f, snapshot: this.data, tuning: this.tuning });
    this.save();
    return effect;
  }

  /** The half-open probe's answer: the breaker closes, or opens again for longer. */
  recordProbe(provider: string, ok: boolean, now: number): void {
    const ps = providerState(this.data, provider);
    if (ok) closeAfterProbe(ps);
    else recordProbeFailure(ps, now, this.tuning);
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
