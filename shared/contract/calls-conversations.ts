/**
 * A conversation's own setup (title, pin, system prompt, generation settings,
 * pinned route) and compare mode: one question to 2–4 chosen targets at once.
 */
import { z } from 'zod';
import { ConversationSummarySchema, MAX_PROMPT_CHARS, MessageSchema } from '../chat.js';
import { GenerationSchema, MAX_SYSTEM_PROMPT_CHARS } from '../settings.js';
import { TaskChoiceSchema } from '../task-types.js';
import { defineCall } from './define.js';

const Id = z.string().min(1).max(100);
const SystemPrompt = z
  .string()
  .max(MAX_SYSTEM_PROMPT_CHARS, `a system prompt can be at most ${MAX_SYSTEM_PROMPT_CHARS.toLocaleString('en')} characters`);

/** How a new conversation starts: from a preset, and/or with its own system prompt (which wins over the preset's). */
export const NewConversationFields = {
  presetId: Id.optional(),
  systemPrompt: SystemPrompt.optional(),
};

/** What a user types as a message: not blank, and not so long that a stray paste freezes the app. */
export const PromptText = z
  .string()
  .max(MAX_PROMPT_CHARS, `a message can be at most ${MAX_PROMPT_CHARS.toLocaleString('en')} characters`)
  .refine((t) => t.trim().length > 0, 'type a message first');

const Target = z.object({ provider: z.string().min(1), model: z.string().min(1) });

export const conversationCalls = {
  /** Any field left out stays as it is; null clears it. A title given here is the user's and is never replaced. */
  'conversations.update': defineCall(
    z.object({
      id: Id,
      title: z.string().trim().min(1, 'a title cannot be empty').max(80, 'a title can be at most 80 characters').optional(),
      pinned: z.boolean().optional(),
      systemPrompt: SystemPrompt.nullable().optional(),
      temperature: GenerationSchema.shape.temperature.unwrap().nullable().optional(),
      maxOutputTokens: GenerationSchema.shape.maxOutputTokens.unwrap().nullable().optional(),
      taskPin: TaskChoiceSchema.nullable().optional(),
      providerPin: z.string().min(1).nullable().optional(),
      modelPin: z.string().min(1).nullable().optional(),
    }),
    ConversationSummarySchema,
  ),
  /** Sends one question to each target at once; every answer streams as chat events under its own message id. */
  'compare.start': defineCall(
    z.object({
      conversationId: Id.optional(),
      text: PromptText,
      taskType: TaskChoiceSchema.default('auto'),
      targets: z
        .array(Target)
        .min(2, 'choose at least two targets to compare')
        .max(4, 'compare at most four targets at once')
        .refine((ts) => new Set(ts.map((t) => `${t.provider}/${t.model}`)).size === ts.length, 'each target can be chosen once'),
      ...NewConversationFields,
    }),
    z.object({
      conversationId: z.string(),
      compareId: z.string(),
      userMessage: MessageSchema,
      answers: z.array(z.object({ messageId: z.string(), provider: z.string(), model: z.string() })),
    }),
  ),
  /** The picked answer continues the conversation; the others are kept, set aside. Stop one column with chat.cancel. */
  'compare.pick': defineCall(z.object({ conversationId: Id, compareId: Id, messageId: Id }), z.object({ picked: z.boolean() })),
};
