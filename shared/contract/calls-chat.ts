/**
 * Chat and conversation calls: sending, cancelling, reading history.
 * Not here: provider set-up (calls-providers) and settings (calls-settings).
 */
import { z } from 'zod';
import { ConversationSummarySchema, MAX_PROMPT_CHARS, MessageSchema } from '../chat.js';
import { TaskChoiceSchema } from '../task-types.js';
import { defineCall } from './define.js';

const Id = z.string().min(1).max(100);

export const chatCalls = {
  'chat.send': defineCall(
    z.object({
      conversationId: Id.optional(),
      text: z
        .string()
        .max(MAX_PROMPT_CHARS, `a message can be at most ${MAX_PROMPT_CHARS.toLocaleString('en')} characters`)
        .refine((t) => t.trim().length > 0, 'type a message first'),
      taskType: TaskChoiceSchema.default('auto'),
      provider: z.string().min(1).optional(),
      model: z.string().min(1).optional(),
      /** The same key sent again (a retry after a lost connection) gets the first send's answer, not a second message. */
      idempotencyKey: Id.optional(),
    }),
    z.object({ conversationId: z.string(), userMessage: MessageSchema, assistantMessageId: z.string() }),
  ),
  'chat.cancel': defineCall(z.object({ messageId: Id }), z.object({ cancelled: z.boolean() })),
  'conversations.list': defineCall(z.object({}).default({}), z.array(ConversationSummarySchema)),
  'conversations.get': defineCall(
    z.object({ id: Id }),
    z.object({ conversation: ConversationSummarySchema, messages: z.array(MessageSchema) }),
  ),
  'conversations.delete': defineCall(z.object({ id: Id }), z.object({ deleted: z.boolean() })),
};
