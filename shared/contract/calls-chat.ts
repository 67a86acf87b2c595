/**
 * Chat and conversation calls: sending, cancelling, reading history.
 * Not here: provider set-up (calls-providers) and settings (calls-settings).
 */
import { z } from 'zod';
import { ConversationSummarySchema, MAX_PROMPT_CHARS, MessageSchema, SearchHitSchema } from '../chat.js';
import { TaskChoiceSchema } from '../task-types.js';
import { defineCall } from './define.js';
import { NewConversationFields } from './calls-conversations.js';

const Id = z.string().min(1).max(100);
const PromptText = z
  .string()
  .max(MAX_PROMPT_CHARS, `a message can be at most ${MAX_PROMPT_CHARS.toLocaleString('en')} characters`)
  .refine((t) => t.trim().length > 0, 'type a message first');
/** A provider (and maybe a model) chosen for one answer instead of its route. */
const Pin = { provider: z.string().min(1).optional(), model: z.string().min(1).optional() };

export const chatCalls = {
  'chat.send': defineCall(
    z.object({
      conversationId: Id.optional(),
      text: PromptText,
      taskType: TaskChoiceSchema.default('auto'),
      ...Pin,
      /** The same key sent again (a retry after a lost connection) gets the first send's answer, not a second message. */
      idempotencyKey: Id.optional(),
      /** Only for a new conversation (no conversationId). */
      ...NewConversationFields,
    }),
    z.object({ conversationId: z.string(), userMessage: MessageSchema, assistantMessageId: z.string() }),
  ),
  /** Answers again in place of an answer (done, stopped or failed), on its route or a chosen provider. */
  'chat.regenerate': defineCall(
    z.object({ conversationId: Id, messageId: Id, ...Pin }),
    z.object({ conversationId: z.string(), assistantMessageId: z.string() }),
  ),
  /** Replaces the text of the last question and answers it again in place of its old answer. */
  'chat.edit': defineCall(
    z.object({ conversationId: Id, messageId: Id, text: PromptText, ...Pin }),
    z.object({ conversationId: z.string(), userMessage: MessageSchema, assistantMessageId: z.string() }),
  ),
  'chat.cancel': defineCall(z.object({ messageId: Id }), z.object({ cancelled: z.boolean() })),
  'conversations.list': defineCall(z.object({}).default({}), z.array(ConversationSummarySchema)),
  /** The conversation and its latest messages (at most 100, oldest first); `hasOlder` says whether to page back. */
  'conversations.get': defineCall(
    z.object({ id: Id }),
    z.object({ conversation: ConversationSummarySchema, messages: z.array(MessageSchema), hasOlder: z.boolean() }),
  ),
  /** Messages strictly older than `before`, oldest first. */
  'conversations.page': defineCall(
    z.object({ id: Id, before: Id, limit: z.number().int().min(1).max(200).default(100) }),
    z.object({ messages: z.array(MessageSchema), hasOlder: z.boolean() }),
  ),
  /**
   * A message with up to `before` older and `after` newer ones, oldest first: where a
   * search hit opens. `before: 0` from the last loaded message reads the page below it.
   */
  'conversations.pageAround': defineCall(
    z.object({
      conversationId: Id,
      messageId: Id,
      before: z.number().int().min(0).max(200).default(50),
      after: z.number().int().min(0).max(200).default(50),
    }),
    z.object({ messages: z.array(MessageSchema), hasOlder: z.boolean(), hasNewer: z.boolean() }),
  ),
  /** Every message, ranked by relevance; `ranges` are [start, end) offsets of the matches within `snippet`. */
  'conversations.search': defineCall(
    z.object({
      query: z.string().min(1, 'type something to search for').max(500, 'a search can be at most 500 characters'),
      limit: z.number().int().min(1).max(100).optional(),
    }),
    z.object({ hits: z.array(SearchHitSchema) }),
  ),
  /** Stops any answer streaming in it first. */
  'conversations.delete': defineCall(z.object({ id: Id }), z.object({ deleted: z.boolean() })),
  /** One message of a conversation; an answer still streaming must be stopped first. */
  'conversations.deleteMessage': defineCall(z.object({ conversationId: Id, messageId: Id }), z.object({ deleted: z.boolean() })),
};
