/**
 * Provider calls: the provider list with key status, connection tests, models,
 * health, keys and the routing preview. Keys go in (keys.set) and never come out.
 */
import { z } from 'zod';
import { KeyStatusSchema, ModelListSchema, ProbeResultSchema, ProviderHealthSchema, ProviderViewSchema } from '../providers.js';
import { TaskChoiceSchema } from '../task-types.js';
import { MAX_PROMPT_CHARS, SkipSchema } from '../chat.js';
import { defineCall } from './define.js';

const ProviderId = z.string().min(1).max(64);

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
  'routing.preview': defineCall(
    z.object({
      text: z.string().max(MAX_PROMPT_CHARS),
      taskType: TaskChoiceSchema.default('auto'),
      /** Previewed as the next message of this conversation: with its system prompt and history. */
      conversationId: z.string().min(1).max(100).optional(),
    }),
    z.object({
      taskType: z.string(),
      reason: z.string(),
      chain: z.array(z.object({ provider: z.string(), model: z.string() })),
      skipped: z.array(SkipSchema),
    }),
  ),
};
