/**
 * One streamed call to one target, folded into how it ended. The adapter's
 * stream guard owns the stream's invariants (timeouts, cancellation, a stream
 * cut before `done`, errors as ProviderErrors), so this only passes text on and
 * keeps the figures the books need. It never throws.
 */
import type { Usage } from '../../../../shared/chat.js';
import { ProviderError } from '../providers/provider-error.js';
import type { ChatRequest, ProviderAdapter, RateLimitSnapshot, StreamTimeouts, ToolCall } from '../providers/types.js';
import { textTokenWeight } from './estimate-tokens.js';
import type { Clock } from './types.js';

interface Figures {
  startedAt: number;
  ms: number;
  /** The provider answered (headers or text): the call may be billed. */
  opened: boolean;
  ttftMs?: number;
  requestId?: string;
  /** The rate-limit headers of the response, with when they were read. */
  rateLimit?: { snapshot: RateLimitSnapshot; at: number };
  /** Estimated tokens of the text passed on, for when the provider reports no usage. */
  outputTokens: number;
  /** Whole tool calls passed on, in order. */
  toolCalls?: ToolCall[];
}

export type AttemptResult =
  | (Figures & { outcome: 'ok'; usage?: Usage; finishReason?: string })
  | (Figures & { outcome: 'error' | 'cancelled'; error: ProviderError })
  /** Stopped because another attempt of a hedge race answered first. */
  | (Figures & { outcome: 'hedge_lost' });

/** The abort reason a hedge race gives the attempt it stops because another one answered first. */
export const HEDGE_LOST = 'hedge_lost';

export interface AttemptInput {
  adapter: ProviderAdapter;
  request: ChatRequest;
  timeouts: StreamTimeouts;
  clock: Clock;
  /** The user's cancel, or the hedge race's with `HEDGE_LOST` as its reason. */
  signal: AbortSignal;
  /** Each piece of text, as it comes; the first marks the first token. */
  onText(text: string): void;
  /** A whole tool call; like text, it marks the first token. */
  onToolCall?(call: ToolCall): void;
}

export async function runAttempt(input: AttemptInput): Promise<AttemptResult> {
  const { clock, signal } = input;
  const startedAt = clock.now();
  const figures: Figures = { startedAt, ms: 0, opened: false, outputTokens: 0 };
  const end = (): Figures => ({ ...figures, ms: clock.now() - startedAt, outputTokens: Math.ceil(figures.outputTokens) });
  try {
    for await (const event of input.adapter.stream(input.request, { signal, timeouts: input.timeouts })) {
      figures.opened = true;
      if (event.type === 'open') {
        figures.requestId = event.requestId ?? figures.requestId;
        if (event.rateLimit) figures.rateLimit = { snapshot: event.rateLimit, at: clock.now() };
      } else if (event.type === 'text') {
        figures.ttftMs ??= clock.now() - startedAt;
        figures.outputTokens += textTokenWeight(event.text);
        input.onText(event.text);
      } else if (event.type === 'tool_call') {
        figures.ttftMs ??= clock.now() - startedAt;
        (figures.toolCalls ??= []).push(event.call);
        input.onToolCall?.(event.call);
      } else {
        figures.requestId = event.requestId ?? figures.requestId;
        return { ...end(), outcome: 'ok', usage: event.usage, ...(event.finishReason ? { finishReason: event.finishReason } : {}) };
      }
    }
    // The guard ends every stream with `done` or an error; anything else is our bug.
    return { ...end(), outcome: 'error', error: internal(input.adapter.id, 'the stream ended without a result') };
  } catch (error) {
    if (signal.aborted && signal.reason === HEDGE_LOST) return { ...end(), outcome: 'hedge_lost' };
    if (!ProviderError.is(error)) return { ...end(), outcome: 'error', error: internal(input.adapter.id, String(error)) };
    return { ...end(), outcome: error.kind === 'cancelled' ? 'cancelled' : 'error', error };
  }
}

function internal(provider: string, message: string): ProviderError {
  return new ProviderError({ kind: 'internal', provider, message: `Switchboard hit an internal error: ${message}` });
}
