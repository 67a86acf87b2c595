/**
 * Daily quotas per provider, daily and monthly cost budgets, and the live
 * rate-limit snapshot. All of them turn into a skip reason before a request is
 * sent, so the user sees "quota" instead of a 429.
 */
import type { Notice } from '../../../../shared/contract/calls-settings.js';
import type { Settings } from '../../../../shared/settings.js';
import type { RateLimitSnapshot } from '../providers/types.js';
import type { UsageCounters } from './state.js';
import { calendarKeys, clockTime, kTokens } from './time-and-words.js';

export const BUDGET_WARNING_SHARE = 0.8;

/** Starts new counters when the local day (or month) has changed. */
export function rollover(usage: UsageCounters, now: number): void {
  const { day, month } = calendarKeys(now);
  if (usage.day !== day) {
    usage.day = day;
    usage.providers = {};
    usage.dayUsd = 0;
    usage.warned = usage.warned.filter((w) => w.startsWith('month'));
  }
  if (usage.month !== month) {
    usage.month = month;
    usage.monthUsd = 0;
    usage.warned = usage.warned.filter((w) => !w.startsWith('month'));
  }
}

export function quotaBlock(settings: Settings, usage: UsageCounters, provider: string, promptTokens: number): string | undefined {
  const quota = settings.quotas[provider];
  if (!quota) return undefined;
  const used = usage.providers[provider] ?? { requests: 0, tokens: 0 };
  if (quota.requestsPerDay !== undefined && used.requests >= quota.requestsPerDay) {
    return `daily request quota reached (${used.requests}/${quota.requestsPerDay})`;
  }
  if (quota.tokensPerDay !== undefined && used.tokens + promptTokens > quota.tokensPerDay) {
    return `daily token quota reached (${kTokens(used.tokens)}/${kTokens(quota.tokensPerDay)})`;
  }
  return undefined;
}

/** A snapshot without reset times is trusted this long; after that we must ask again to learn more. */
export const RATE_LIMIT_SNAPSHOT_TTL_MS = 60_000;

/** Skips a provider whose own headers say the next request would be refused. */
export function rateLimitBlock(rl: RateLimitSnapshot | undefined, observedAt: number | undefined, promptTokens: number, now: number): string | undefined {
  if (!rl) return undefined;
  const fresh = observedAt === undefined || now - observedAt < RATE_LIMIT_SNAPSHOT_TTL_MS;
  const requestsReset = rl.resetRequestsAt;
  if (rl.remainingRequests === 0 && (requestsReset === undefined ? fresh : now < requestsReset)) {
    return requestsReset === undefined ? 'rate limit: no requests left' : `rate limit: no requests left until ${clockTime(requestsReset)}`;
  }
  const tokensReset = rl.resetTokensAt;
  if (rl.remainingTokens !== undefined && rl.remainingTokens < promptTokens && (tokensReset === undefined ? fresh : now < tokensReset)) {
    const until = tokensReset === undefined ? '' : ` until ${clockTime(tokensReset)}`;
    return `rate limit: ${kTokens(rl.remainingTokens)} tokens left, prompt needs ~${kTokens(promptTokens)}${until}`;
  }
  return undefined;
}

/** Why paid targets must not run now, when a budget with hard stop is spent. */
export function budgetStop(settings: Settings, usage: UsageCounters): string | undefined {
  const b = settings.budgets;
  if (!b?.hardStop) return undefined;
  if (b.dailyUsd !== undefined && usage.dayUsd >= b.dailyUsd) return `daily budget of $${b.dailyUsd} reached (hard stop)`;
  if (b.monthlyUsd !== undefined && usage.monthUsd >= b.monthlyUsd) return `monthly budget of $${b.monthlyUsd} reached (hard stop)`;
  return undefined;
}

/** Counts one call and its spend in counters kept in the snapshot (a router without a ledger). */
export function countUsage(usage: UsageCounters, call: { provider: string; tokens: number; costUsd: number; local: boolean }): void {
  if (!call.local) {
    const used = usage.providers[call.provider] ?? { requests: 0, tokens: 0 };
    used.requests += 1;
    used.tokens += call.tokens;
    usage.providers[call.provider] = used;
  }
  usage.dayUsd += call.costUsd;
  usage.monthUsd += call.costUsd;
}

/** The budget notices that became due with the spend counted so far (each shown once per day or month). */
export function budgetNotices(settings: Settings, usage: UsageCounters): Notice[] {
  const notices: Notice[] = [];
  const b = settings.budgets;
  const check = (period: 'day' | 'month', spent: number, limit: number | undefined): void => {
    if (limit === undefined || limit <= 0) return;
    const label = period === 'day' ? 'daily' : 'monthly';
    const key = period === 'day' ? usage.day : usage.month;
    for (const [share, level] of [[1, 'reached'], [BUDGET_WARNING_SHARE, 'warn']] as const) {
      const id = `${period}-${level}-${key}`;
      if (spent >= limit * share && !usage.warned.includes(id)) {
        // Reaching the limit also settles the 80% warning: one notice is enough.
        usage.warned.push(id, `${period}-warn-${key}`);
        notices.push({
          id: `budget.${id}`,
          level: share === 1 ? 'error' : 'warning',
          text:
            share === 1
              ? `The ${label} budget of $${limit} is used up${b?.hardStop ? ': only free targets such as the local model will run' : ''}.`
              : `${Math.round((spent / limit) * 100)}% of the ${label} budget of $${limit} is used.`,
        });
        break;
      }
    }
  };
  check('day', usage.dayUsd, b?.dailyUsd);
  check('month', usage.monthUsd, b?.monthlyUsd);
  return notices;
}
