/** Conversations, messages and the per-message decision trace, as both sides see them. */
import { z } from 'zod';
import { ErrorKindSchema } from './errors.js';

export const UsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  /** What the provider itself says the call cost, in USD, where it reports one (OpenRouter's `usage.cost`). */
  reportedCostUsd: z.number().nonnegative().optional(),
});
export type Usage = z.infer<typeof UsageSchema>;

/**
 * How a provider carried on an answer another one began: `native` takes the text
 * as the start of its own reply (a prefill), `prefix-flag` does so only when the
 * message is flagged `prefix: true`, `none` is asked in words to carry on.
 */
export const ContinuationMethodSchema = z.enum(['native', 'prefix-flag', 'none']);
export type ContinuationMethod = z.infer<typeof ContinuationMethodSchema>;

export const AttemptOutcomeSchema = z.enum(['ok', 'error', 'cancelled', 'hedge_lost']);

/** One call to one provider. Every attempt of a message is kept, in order. */
export const AttemptSchema = z.object({
  provider: z.string(),
  model: z.string(),
  outcome: AttemptOutcomeSchema,
  errorKind: ErrorKindSchema.optional(),
  status: z.number().int().optional(),
  message: z.string().optional(),
  requestId: z.string().optional(),
  startedAt: z.number(),
  ms: z.number().nonnegative(),
  ttftMs: z.number().nonnegative().optional(),
  usage: UsageSchema.optional(),
  costUsd: z.number().nonnegative().optional(),
  /** The price list `costUsd` was estimated with: `genai-prices@0.1.8`, `override`, `catalog` or `free`. */
  priceVersion: z.string().optional(),
  /** The provider's own figure for this call, shown beside the estimate. */
  reportedCostUsd: z.number().nonnegative().optional(),
  /** Set when this attempt carried on a stream that an earlier attempt began. */
  continuation: z.boolean().optional(),
  /** How that continuation was asked for. */
  continuationMethod: ContinuationMethodSchema.optional(),
  hedge: z.boolean().optional(),
});
export type Attempt = z.infer<typeof AttemptSchema>;

/** A target the router looked at and passed over, with the reason in words. */
export const SkipSchema = z.object({
  provider: z.string(),
  model: z.string(),
  reason: z.string(),
});
export type Skip = z.infer<typeof SkipSchema>;

export const DecisionTraceSchema = z.object({
  taskType: z.string(),
  /** e.g. "auto → code: code fence", or "chosen by you". */
  taskReason: z.string(),
  strategy: z.string(),
  considered: z.array(z.object({ provider: z.string(), model: z.string() })),
  skipped: z.array(SkipSchema),
  offline: z.boolean().optional(),
  sticky: z.string().optional(),
  /** Why the built-in engine answered, e.g. "built-in engine (Ollama not running)". */
  engine: z.string().optional(),
});
export type DecisionTrace = z.infer<typeof DecisionTraceSchema>;

/** What started a call to a provider; every attempt is recorded with one. */
export const AttemptSourceSchema = z.enum(['chat', 'compare', 'cli', 'api', 'probe']);
export type AttemptSource = z.infer<typeof AttemptSourceSchema>;

/** `interrupted`: Switchboard stopped (quit, crash, power cut) while the answer streamed; its text so far is kept. */
export const MessageStatusSchema = z.enum(['streaming', 'done', 'error', 'cancelled', 'interrupted']);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

/** Where another provider carried a stream on: `at` is a character offset into the answer's text. */
export const SeamsSchema = z.array(z.object({ at: z.number().int().nonnegative(), from: z.string(), to: z.string() }));

export const MessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  createdAt: z.number(),
  status: MessageStatusSchema,
  taskType: z.string().optional(),
  provider: z.string().optional(),
  model: z.string().optional(),
  usage: UsageSchema.optional(),
  /** Set when the provider never reported usage (a stopped stream): the counts are estimates. */
  usageEstimated: z.boolean().optional(),
  costUsd: z.number().nonnegative().optional(),
  ttftMs: z.number().nonnegative().optional(),
  latencyMs: z.number().nonnegative().optional(),
  attempts: z.array(AttemptSchema).optional(),
  trace: DecisionTraceSchema.optional(),
  /** "continued by X after Y failed", when a stream was recovered mid-way. */
  note: z.string().optional(),
  /** Set when the answer ended at the output limit (`finish_reason: length`, Anthropic's `max_tokens`). */
  finish: z.enum(['length']).optional(),
  /** Where another provider carried the stream on: `at` is a character offset into `text`. */
  seams: SeamsSchema.optional(),
  error: z.object({ kind: ErrorKindSchema, message: z.string() }).optional(),
  /** One of the answers a compare produced for the question before it. */
  compareId: z.string().optional(),
  /** A compared answer the user did not pick: kept for reference, never sent to a provider. */
  setAside: z.boolean().optional(),
});
export type Message = z.infer<typeof MessageSchema>;

/** What the providers themselves said an answer cost, where any reported it (OpenRouter); undefined otherwise. */
export function reportedCostOf(message: Pick<Message, 'attempts'>): number | undefined {
  const reported = (message.attempts ?? []).flatMap((a) => (a.reportedCostUsd === undefined ? [] : [a.reportedCostUsd]));
  return reported.length === 0 ? undefined : reported.reduce((sum, usd) => sum + usd, 0);
}

export const ConversationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  messageCount: z.number().int().nonnegative(),
  /** The provider that last answered, for sticky routing. */
  stickyProvider: z.string().optional(),
  /** `prompt`: made from the first words; `generated` after the first answer; `user`: renamed, never replaced. */
  titleSource: z.enum(['prompt', 'generated', 'user']).optional(),
  /** When the user pinned it to the top of the list. */
  pinnedAt: z.number().optional(),
  /** Sent before the history with every request of this conversation. */
  systemPrompt: z.string().optional(),
  temperature: z.number().optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  /** A task type, provider or model the user pinned for every message of this conversation. */
  taskPin: z.string().optional(),
  providerPin: z.string().optional(),
  modelPin: z.string().optional(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

/** One message that matches a search, with the matched ranges ([start, end) offsets) inside its snippet. */
export const SearchHitSchema = z.object({
  conversationId: z.string(),
  conversationTitle: z.string(),
  messageId: z.string(),
  role: z.enum(['user', 'assistant']),
  snippet: z.string(),
  ranges: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
  createdAt: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** Longest prompt the app accepts in one message, so a stray paste cannot freeze the UI. */
export const MAX_PROMPT_CHARS = 1_000_000;
