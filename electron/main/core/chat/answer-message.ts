/**
 * The stored message an answer becomes: finished, or stopped and failed with what
 * it had streamed, its seams and its partial stats. Attempts are stored scrubbed.
 */
import type { Attempt, Message } from '../../../../shared/chat.js';
import type { RouteResult } from '../router/types.js';
import { RouteFailure } from '../router/types.js';
import { estimateTextTokens } from '../router/estimate-tokens.js';

/** How a failure is put to the user, and how keys are removed from it. */
export interface FailureWording {
  scrub?: (text: string) => string;
  describeFailure?: (failure: RouteFailure) => string;
}

export const unchanged = (text: string): string => text;

/** What a stopped or failed answer keeps of its run: who was answering, and when its text came. */
export interface LiveStats {
  startedAt: number;
  firstTextAt?: number;
  endedAt?: number;
  provider?: string;
  model?: string;
  promptTokens: number;
  seams: NonNullable<Message['seams']>;
}

export function withSeams(message: Message, seams: LiveStats['seams']): Message {
  return seams.length > 0 ? { ...message, seams } : message;
}

/**
 * A stopped or cut answer keeps who answered and how fast: usage from the last
 * attempt when the provider reported it, else estimated from the text.
 */
function partialStats(text: string, attempts: Attempt[], live: LiveStats): Partial<Message> {
  if (!live.provider || text === '') return {};
  const reported = [...attempts].reverse().find((a) => a.provider === live.provider && a.usage)?.usage;
  const usage = reported ?? { inputTokens: live.promptTokens, outputTokens: estimateTextTokens(text) };
  return {
    provider: live.provider,
    ...(live.model ? { model: live.model } : {}),
    usage,
    ...(reported ? {} : { usageEstimated: true }),
    ...(live.firstTextAt !== undefined ? { ttftMs: live.firstTextAt - live.startedAt } : {}),
    ...(live.endedAt !== undefined ? { latencyMs: live.endedAt - live.startedAt } : {}),
  };
}

/** Provider error texts in attempts can echo a key back; they are stored only scrubbed. */
function scrubAttempts(attempts: Attempt[], scrub: (text: string) => string): Attempt[] {
  return attempts.map((a) => (a.message ? { ...a, message: scrub(a.message) } : a));
}

export function answered(draft: Message, r: RouteResult, scrub: (text: string) => string): Message {
  return {
    ...draft,
    text: r.text,
    status: 'done',
    taskType: r.taskType,
    provider: r.provider,
    model: r.model,
    usage: r.usage,
    costUsd: r.costUsd,
    ttftMs: r.ttftMs,
    latencyMs: r.latencyMs,
    attempts: scrubAttempts(r.attempts, scrub),
    trace: r.trace,
    ...(r.note ? { note: r.note } : {}),
    ...(r.finishReason === 'length' || r.finishReason === 'max_tokens' ? { finish: 'length' as const } : {}),
  };
}

export function failed(draft: Message, error: unknown, streamed: string, deps: FailureWording, live: LiveStats): Message {
  const scrub = deps.scrub ?? unchanged;
  if (error instanceof RouteFailure) {
    const text = error.partialText;
    const words = deps.describeFailure?.(error) ?? error.message;
    return {
      ...draft,
      ...partialStats(text, error.attempts, live),
      text,
      status: error.kind === 'cancelled' ? 'cancelled' : 'error',
      taskType: error.trace.taskType,
      attempts: scrubAttempts(error.attempts, scrub),
      trace: error.trace,
      error: { kind: error.kind, message: scrub(words) },
    };
  }
  // A bug in the core, not a provider failure: say so plainly, keep the text.
  return {
    ...draft,
    text: streamed,
    status: 'error',
    error: { kind: 'internal', message: scrub(`Switchboard hit an internal error: ${(error as Error)?.message ?? String(error)}`) },
  };
}
