/** What the renderer may know about providers: never a key, only its status and a masked form. */
import { z } from 'zod';
import { AttemptOutcomeSchema } from './chat.js';
import { ErrorKindSchema } from './errors.js';
import { ProviderKindSchema } from './settings.js';

export const KeySourceSchema = z.enum(['keychain', 'memory', 'env', 'none', 'not_needed']);
export type KeySource = z.infer<typeof KeySourceSchema>;

export const KeyStatusSchema = z.object({
  provider: z.string(),
  source: KeySourceSchema,
  /** Enough to recognise the key, e.g. `sk-a…9xQz` (less of a short key); absent when no key is set. */
  masked: z.string().optional(),
  envVar: z.string().optional(),
});
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

export const ModelInfoSchema = z.object({
  id: z.string(),
  contextWindow: z.number().int().positive().optional(),
  inputUsdPerMTok: z.number().nonnegative().optional(),
  outputUsdPerMTok: z.number().nonnegative().optional(),
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;

/** A provider's models, and whether they came from the provider just now or from the catalog because it could not be asked. */
export const ModelListSchema = z.object({ models: z.array(ModelInfoSchema), source: z.enum(['live', 'catalog']), error: z.string().optional() });
export type ModelList = z.infer<typeof ModelListSchema>;

export const ProviderViewSchema = z.object({
  id: z.string(),
  kind: ProviderKindSchema,
  name: z.string(),
  baseURL: z.string(),
  enabled: z.boolean(),
  preset: z.string().optional(),
  models: z.array(z.string()),
  key: KeyStatusSchema,
});
export type ProviderView = z.infer<typeof ProviderViewSchema>;

export const ProbeResultSchema = z.object({
  provider: z.string(),
  ok: z.boolean(),
  latencyMs: z.number().nonnegative(),
  errorKind: ErrorKindSchema.optional(),
  message: z.string().optional(),
  requestId: z.string().optional(),
  modelCount: z.number().int().nonnegative().optional(),
  /** The model the tiny completion went to, its first token's time, and the task type whose first-token timeout it had to meet. */
  model: z.string().optional(),
  ttftMs: z.number().nonnegative().optional(),
  taskType: z.string().optional(),
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

export const BreakerStateSchema = z.enum(['closed', 'open', 'half_open']);

/**
 * What the health panel, `switchboard health` and the router say about a provider.
 * `unknown` is "no recent samples": nothing was sent to it lately, so nothing is claimed.
 */
export const HealthStateSchema = z.enum([
  'healthy',
  'degraded',
  'down',
  'circuit_open',
  'rate_limited',
  'quota_exhausted',
  'no_key',
  'key_rejected',
  'offline',
  'disabled',
  'unknown',
]);
export type HealthState = z.infer<typeof HealthStateSchema>;

export const LastErrorSchema = z.object({
  kind: ErrorKindSchema,
  /** The provider's own words. */
  message: z.string(),
  at: z.number(),
  requestId: z.string().optional(),
});
export type LastError = z.infer<typeof LastErrorSchema>;

/** One recent call, for the latency-and-errors chart. */
export const HealthSampleSchema = z.object({
  at: z.number(),
  outcome: AttemptOutcomeSchema,
  ms: z.number().nonnegative(),
  ttftMs: z.number().nonnegative().optional(),
});
export type HealthSample = z.infer<typeof HealthSampleSchema>;

const Ms = z.number().nonnegative().nullable();

export const ProviderHealthSchema = z.object({
  provider: z.string(),
  name: z.string(),
  state: HealthStateSchema,
  breaker: BreakerStateSchema,
  /** Epoch ms: the probe of an open circuit, the end of a rate limit or of an exhausted quota. */
  until: z.number().optional(),
  /** Share of recent requests it answered (a lost hedge race is not an answer); null = no recent samples. */
  successRate: z.number().min(0).max(1).nullable(),
  /** Requests in the recent window, apart from the user's cancels. */
  samples: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  hedgeLost: z.number().int().nonnegative(),
  ttftMsP50: Ms,
  ttftMsP95: Ms,
  totalMsP50: Ms,
  totalMsP95: Ms,
  /** Output tokens per second after the first token, over recent answers. */
  tokensPerSec: z.number().nonnegative().nullable(),
  requestsToday: z.number().int().nonnegative(),
  tokensToday: z.number().int().nonnegative(),
  /** The daily quota the user set, and what counts against it today (the router's own figures). */
  quota: z
    .object({
      requestsPerDay: z.number().optional(),
      tokensPerDay: z.number().optional(),
      requestsUsed: z.number().nonnegative(),
      tokensUsed: z.number().nonnegative(),
    })
    .optional(),
  costTodayUsd: z.number().nonnegative(),
  costMonthUsd: z.number().nonnegative(),
  lastError: LastErrorSchema.nullable(),
  /** The latest calls, oldest first. */
  recent: z.array(HealthSampleSchema),
});
export type ProviderHealth = z.infer<typeof ProviderHealthSchema>;
