/**
 * What one failed attempt changes, by error kind alone. The provider state it
 * writes (cooldown, exhaustion, rejected key, flagged model) is what the target
 * checks read, so the rest of the chain and later messages skip accordingly.
 */
import type { ProviderError } from '../providers/provider-error.js';
import { type BreakerTuning, recordFailure } from './breaker.js';
import type { RouterSnapshot } from './state.js';
import { providerState } from './state.js';
import { nextLocalMidnight } from './time-and-words.js';

export interface FailureEffect {
  /** bad_request and cancelled end the message: another provider would not help. */
  stop: boolean;
  /** After context_length: only targets with a larger window are worth trying. */
  minContext?: number;
  /** Shown in the fallback event, e.g. "rate limited". */
  reason: string;
}

export interface FailureInput {
  snapshot: RouterSnapshot;
  provider: string;
  model: string;
  error: ProviderError;
  now: number;
  tuning: BreakerTuning;
  promptTokens: number;
  contextWindow?: number;
}

export function applyFailure(input: FailureInput): FailureEffect {
  const { snapshot, error, now } = input;
  const ps = providerState(snapshot, input.provider);
  if (error.kind !== 'cancelled') {
    ps.lastErrorKind = error.kind;
    ps.lastError = error.message;
  }
  if (error.rateLimit) {
    ps.rateLimit = error.rateLimit;
    ps.rateLimitAt = now;
  }
  recordFailure(ps, error.kind, now, error.retryAfterMs, input.tuning);

  switch (error.kind) {
    case 'quota_exhausted': {
      // Only the reset of a budget reported spent says when the quota returns; a used-up
      // account balance comes with the per-minute headers of budgets that are not the problem.
      const rl = error.rateLimit;
      const resets = [rl?.remainingRequests === 0 ? rl.resetRequestsAt : undefined, rl?.remainingTokens === 0 ? rl.resetTokensAt : undefined].filter(
        (t): t is number => t !== undefined && t > now,
      );
      ps.exhaustedUntil = resets.length > 0 ? Math.max(...resets) : nextLocalMidnight(now);
      return { stop: false, reason: 'quota used up' };
    }
    case 'auth':
      ps.keyRejected = true;
      return { stop: false, reason: 'key rejected' };
    case 'model_not_found':
      if (!snapshot.flagged.some((f) => f.provider === input.provider && f.model === input.model)) {
        snapshot.flagged.push({ provider: input.provider, model: input.model, reason: error.message, at: now });
      }
      return { stop: false, reason: 'model not found' };
    case 'context_length': {
      const floor = input.contextWindow !== undefined ? input.contextWindow + 1 : 0;
      return { stop: false, minContext: Math.max(input.promptTokens, floor), reason: 'conversation too long for the model' };
    }
    case 'bad_request':
      return { stop: true, reason: 'request rejected' };
    case 'cancelled':
      return { stop: true, reason: 'stopped' };
    case 'content_filter':
      return { stop: false, reason: 'blocked by the content filter' };
    case 'rate_limited':
      return { stop: false, reason: 'rate limited' };
    default:
      return { stop: false, reason: error.kind.replace('_', ' ') };
  }
}
