/**
 * What both wire formats come down to before the router sees them: turns, tools
 * and the caller's options. Each format's parser builds one of these, or a
 * sentence saying what is wrong with the request.
 */
import type { ChatTurn, ToolChoice, ToolSpec } from '../main/core/providers/types.js';

export interface ApiChat {
  /** As the caller wrote it: `switchboard/<task>` or `provider/model`. */
  model: string;
  messages: ChatTurn[];
  tools?: ToolSpec[];
  toolChoice?: ToolChoice;
  maxTokens?: number;
  temperature?: number;
  stream: boolean;
  /** OpenAI's `stream_options.include_usage`; Anthropic streams always carry usage. */
  includeUsage: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; param?: string };

export const invalid = (message: string, param?: string): { ok: false; message: string; param?: string } =>
  param === undefined ? { ok: false, message } : { ok: false, message, param };

/** The longest body the API reads: far above any real prompt, far below what would hurt. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;
