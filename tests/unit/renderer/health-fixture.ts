import type { ProviderHealth } from '../../../shared/providers.js';

/** The figures of a provider nothing was sent to, for building health rows in tests. */
export const EMPTY_FIGURES: Omit<ProviderHealth, 'provider' | 'name' | 'state' | 'breaker'> = {
  successRate: null,
  samples: 0,
  failures: 0,
  hedgeLost: 0,
  ttftMsP50: null,
  ttftMsP95: null,
  totalMsP50: null,
  totalMsP95: null,
  tokensPerSec: null,
  requestsToday: 0,
  tokensToday: 0,
  costTodayUsd: 0,
  costMonthUsd: 0,
  lastError: null,
  recent: [],
};
