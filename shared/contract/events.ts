/**
 * Events from main to the renderer. They come from the trusted side, so hosts do
 * not re-validate them; the schemas document the payloads and give the types.
 */
import { z } from 'zod';
import { ConversationSummarySchema, MessageSchema } from '../chat.js';
import { ProviderHealthSchema } from '../providers.js';
import { NoticeSchema } from './calls-settings.js';
import { PullProgressSchema } from './calls-local.js';
import { EngineDownloadProgressSchema } from './calls-engine.js';
import { CudaProgressSchema } from './calls-engine-cuda.js';

const MessageRef = { conversationId: z.string(), messageId: z.string() };

export const events = {
  /** An attempt starts on a provider (the first, a fallback, a hedge or a continuation). */
  'chat.attempt': z.object({ ...MessageRef, provider: z.string(), model: z.string(), hedge: z.boolean().optional(), continuation: z.boolean().optional() }),
  /** Streamed text. Hosts coalesce these to at most one per animation frame. */
  'chat.delta': z.object({ ...MessageRef, text: z.string() }),
  'chat.fallback': z.object({ ...MessageRef, from: z.string(), to: z.string(), reason: z.string() }),
  /** The final state of an answered message, with usage, cost and the decision trace. */
  'chat.done': z.object({ message: MessageSchema }),
  /** The message ended without a full answer; `message.error` and `message.attempts` say why. */
  'chat.error': z.object({ message: MessageSchema }),
  'health.update': z.object({ providers: z.array(ProviderHealthSchema) }),
  notice: NoticeSchema,
  /** A conversation's title or setup changed (a generated title arrived, a rename elsewhere). */
  'conversations.updated': z.object({ conversation: ConversationSummarySchema }),
  'ollama.pull.progress': PullProgressSchema,
  'engine.download.progress': EngineDownloadProgressSchema,
  'engine.cuda.progress': CudaProgressSchema,
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
