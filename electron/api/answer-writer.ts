/**
 * What a format's answer writer does with a route in progress. The API opens a
 * stream only once the first text or tool call is there, so a failure before
 * that still gets a real HTTP status.
 */
import type { ServerResponse } from 'node:http';
import type { Usage } from '../../shared/chat.js';
import type { ToolCall } from '../main/core/providers/types.js';
import type { Finish } from './finish-reason.js';

export interface AnswerMeta {
  /** `provider/model` that answered (or began the stream). */
  model: string;
  /** Estimated prompt tokens, for formats that state them before the answer. */
  promptTokens: number;
}

export interface FinalAnswer {
  text: string;
  toolCalls: ToolCall[];
  finish: Finish;
  usage: Usage;
}

export interface StreamWriter {
  text(text: string): void;
  toolCall(call: ToolCall): void;
  end(answer: FinalAnswer): void;
  /** The route failed after the stream began: the format's in-stream error, then the end. */
  fail(message: string, overloaded: boolean): void;
}

export interface WireFormat {
  /** The format's error body for one status. */
  errorBody(status: number, message: string, param?: string): unknown;
  completion(meta: AnswerMeta, answer: FinalAnswer): unknown;
  /** Writes the stream's opening frames (the headers are already sent). */
  stream(res: ServerResponse, meta: AnswerMeta, includeUsage: boolean): StreamWriter;
}
