/** What the renderer may know about providers: never a key, only its status and a masked form. */
import { z } from 'zod';
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
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;

export const BreakerStateSchema = z.enum(['closed', 'open', 'half_open']);

export const ProviderHealthSchema = z.object({
  provider: z.string(),
  name: z.string(),
  state: z.enum(['ok', 'degraded', 'down', 'unknown', 'no_key', 'disabled']),
  breaker: BreakerStateSchema,
  /** Epoch ms until which the provider is cooled down or open. */
  until: z.number().optional(),
  lastErrorKind: ErrorKindSchema.optional(),
  lastError: z.string().optional(),
  lastLatencyMs: z.number().nonnegative().optional(),
  p50TtftMs: z.number().nonnegative().optional(),
  recentRequests: z.number().int().nonnegative(),
  recentFailures: z.number().int().nonnegative(),
});
export type ProviderHealth = z.infer<typeof ProviderHealthSchema>;
