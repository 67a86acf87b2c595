/**
 * The router's memory: breakers, cooldowns, quotas, spend and recent attempts.
 * It is one JSON-serialisable snapshot so that a restart cannot forget that a
 * provider asked us to wait, and so a damaged file degrades to a fresh start.
 */
import { z } from 'zod';
import { ErrorKindSchema } from '../../../../shared/errors.js';

const RateLimitSchema = z.object({
  remainingRequests: z.number().optional(),
  remainingTokens: z.number().optional(),
  limitRequests: z.number().optional(),
  limitTokens: z.number().optional(),
  resetRequestsAt: z.number().optional(),
  resetTokensAt: z.number().optional(),
});

export const ProviderStateSchema = z.object({
  /** Consecutive failures that say something about the provider's health. */
  failures: z.number().int().nonnegative().default(0),
  /** Consecutive 429s without Retry-After, for the backoff exponent. */
  rateLimitStreak: z.number().int().nonnegative().default(0),
  /** Open breakers carry `until`; once it passes the breaker is half-open. */
  breaker: z.enum(['closed', 'open']).default('closed'),
  until: z.number().optional(),
  openReason: z.string().optional(),
  /** How often the half-open probe failed in a row, to lengthen the next wait. */
  probeFailures: z.number().int().nonnegative().default(0),
  exhaustedUntil: z.number().optional(),
  keyRejected: z.boolean().optional(),
  lastErrorKind: ErrorKindSchema.optional(),
  lastError: z.string().optional(),
  lastLatencyMs: z.number().optional(),
  rateLimit: RateLimitSchema.optional(),
  /** When the snapshot was seen, to let one without reset times expire. */
  rateLimitAt: z.number().optional(),
});
export type ProviderState = z.infer<typeof ProviderStateSchema>;

export const RecentAttemptSchema = z.object({
  at: z.number(),
  ok: z.boolean(),
  ms: z.number(),
  ttftMs: z.number().optional(),
  kind: ErrorKindSchema.optional(),
});
export type RecentAttempt = z.infer<typeof RecentAttemptSchema>;

export const UsageCountersSchema = z.object({
  /** Local calendar day and month the counters belong to. */
  day: z.string(),
  month: z.string(),
  providers: z.record(z.string(), z.object({ requests: z.number(), tokens: z.number() })).default({}),
  dayUsd: z.number().default(0),
  monthUsd: z.number().default(0),
  /** Notices already shown for this day/month, so a warning appears once. */
  warned: z.array(z.string()).default([]),
});
export type UsageCounters = z.infer<typeof UsageCountersSchema>;

export const FlaggedTargetSchema = z.object({
  provider: z.string(),
  model: z.string(),
  reason: z.string(),
  at: z.number(),
});
export type FlaggedTarget = z.infer<typeof FlaggedTargetSchema>;

export const RouterSnapshotSchema = z.object({
  version: z.literal(1),
  providers: z.record(z.string(), ProviderStateSchema).default({}),
  recent: z.record(z.string(), z.array(RecentAttemptSchema)).default({}),
  usage: UsageCountersSchema,
  flagged: z.array(FlaggedTargetSchema).default([]),
});
export type RouterSnapshot = z.infer<typeof RouterSnapshotSchema>;

/** Where the snapshot lives between runs. `load` returns undefined when there is none yet. */
export interface RouterStateStore {
  load(): unknown;
  save(snapshot: RouterSnapshot): void;
  /** Waits until everything saved so far is stored (a no-op for stores that write at once). */
  flush?(): Promise<void>;
}

export function emptySnapshot(day: string, month: string): RouterSnapshot {
  return {
    version: 1,
    providers: {},
    recent: {},
    usage: { day, month, providers: {}, dayUsd: 0, monthUsd: 0, warned: [] },
    flagged: [],
  };
}

/** A stored snapshot, or a fresh one when it is missing or unreadable. */
export function readSnapshot(store: RouterStateStore | undefined, day: string, month: string): RouterSnapshot {
  const raw = store?.load();
  if (raw === undefined) return emptySnapshot(day, month);
  const parsed = RouterSnapshotSchema.safeParse(raw);
  return parsed.success ? parsed.data : emptySnapshot(day, month);
}

export function providerState(snapshot: RouterSnapshot, provider: string): ProviderState {
  let ps = snapshot.providers[provider];
  if (!ps) {
    ps = { failures: 0, rateLimitStreak: 0, breaker: 'closed', probeFailures: 0 };
    snapshot.providers[provider] = ps;
  }
  return ps;
}

/** Keeps the snapshot in memory: for tests, and for hosts that need no persistence. */
export function createMemoryStateStore(): RouterStateStore {
  let saved: string | undefined;
  return {
    load: () => (saved === undefined ? undefined : (JSON.parse(saved) as unknown)),
    save: (snapshot) => {
      saved = JSON.stringify(snapshot);
    },
  };
}
