/**
 * Provider calls: the provider list with key status, connection tests, models,
 * health, keys and the routing preview. Keys go in (keys.set) and never come out.
 */
import { z } from 'zod';
import { BreakerStateSchema, HealthStateSchema, KeyStatusSchema, ModelListSchema, ProbeResultSchema, ProviderHealthSchema, ProviderViewSchema } from '../providers.js';
import { SettingsSchema } from '../settings.js';
import { TaskChoiceSchema } from '../task-types.js';
import { MAX_PROMPT_CHARS, SkipSchema } from '../chat.js';
import { defineCall } from './define.js';

const ProviderId = z.string().min(1).max(64);

/** A target of the preview's chain, with its provider's breaker and state now and what the prompt would cost there. */
const PreviewTargetSchema = z.object({
  provider: z.string(),
  model: z.string(),
  breaker: BreakerStateSchema.optional(),
  state: HealthStateSchema.optional(),
  /** The prompt and an answer of `answerTokens` at the catalog's prices; absent when no price is known. */
  estimatedUsd: z.number().nonnegative().optional(),
});

export const providerCalls = {
  'providers.list': defineCall(z.object({}).default({}), z.array(ProviderViewSchema)),
  'providers.test': defineCall(z.object({ provider: ProviderId }), ProbeResultSchema),
  'providers.models': defineCall(
    z.object({ provider: ProviderId }),
    ModelListSchema,
  ),
  'health.get': defineCall(z.object({}).default({}), z.array(ProviderHealthSchema)),
  'keys.set': defineCall(
    z.object({ provider: ProviderId, key: z.string().trim().min(8, 'that key is too short').max(4096) }),
    KeyStatusSchema,
  ),
  'keys.delete': defineCall(z.object({ provider: ProviderId }), KeyStatusSchema),
  /** Where a message would go, under the saved settings or, given `settings`, under unsaved edits; nothing is sent. */
  'routing.preview': defineCall(
    z.object({
      text: z.string().max(MAX_PROMPT_CHARS),
      taskType: TaskChoiceSchema.default('auto'),
      /** Previewed as the next message of this conversation: with its system prompt and history. */
      conversationId: z.string().min(1).max(100).optional(),
      /** Unsaved routing edits to preview with, instead of the saved settings. */
      settings: SettingsSchema.optional(),
    }),
    z.object({
      taskType: z.string(),
      reason: z.string(),
      /** The router's estimate of the prompt, which the costs below are for. */
      promptTokens: z.number().int().nonnegative(),
      /** The answer length the estimates assume (the one the `cheapest` strategy ranks by). */
      answerTokens: z.number().int().nonnegative(),
      chain: z.array(PreviewTargetSchema),
      skipped: z.array(SkipSchema),
    }),
  ),
};
