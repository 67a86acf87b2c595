/**
 * One timed request: straight through the OpenAI SDK, through the provider
 * adapter alone, or through the router. Every clock starts just before the call
 * and TTFT stops at the first non-empty text, so all paths are measured identically.
 */
import { performance } from 'node:perf_hooks';
import type OpenAI from 'openai';
import type { ChatTurn, ProviderAdapter } from '../electron/main/core/providers/types.js';
import { DEFAULT_TIMEOUTS, type RouteRequest, type RouteResult, type Router } from '../electron/main/core/router/index.js';

export interface Sample {
  ttftMs: number;
  totalMs: number;
}

export const PROMPT: ChatTurn[] = [{ role: 'user', content: 'Say hello to the benchmark, please.' }];

export async function directRequest(client: OpenAI, model: string, messages: ChatTurn[] = PROMPT): Promise<Sample> {
  const started = performance.now();
  let ttft: number | undefined;
  const stream = await client.chat.completions.create({
    model,
    // The wire's own message shape: a plain conversation has no tool turns.
    messages: messages.map((t) => ({ role: t.role === 'assistant' ? 'assistant' : t.role === 'system' ? 'system' : 'user', content: t.content })),
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  for await (const chunk of stream) {
    const piece = chunk.choices[0]?.delta?.content;
    if (!piece) continue;
    ttft ??= performance.now() - started;
    text += piece;
  }
  const totalMs = performance.now() - started;
  if (ttft === undefined || text.length === 0) throw new Error('direct request produced no text');
  return { ttftMs: ttft, totalMs };
}

/**
 * The same request through the provider adapter alone (stream guard, the
 * adapter's SDK client) without routing: splits the routed path's extra time into
 * what wrapping the SDK costs and what routing adds on top.
 */
export async function adapterRequest(adapter: ProviderAdapter, model: string): Promise<Sample> {
  // The timeouts the router gives a `general` message, as in the routed kinds.
  const timeouts = DEFAULT_TIMEOUTS.general;
  if (!timeouts) throw new Error('no default timeouts for general');
  const started = performance.now();
  let ttft: number | undefined;
  for await (const event of adapter.stream({ model, messages: PROMPT }, { signal: new AbortController().signal, timeouts })) {
    if (event.type === 'text' && event.text) ttft ??= performance.now() - started;
  }
  const totalMs = performance.now() - started;
  if (ttft === undefined) throw new Error('adapter request produced no text');
  return { ttftMs: ttft, totalMs };
}

export interface RoutedSample extends Sample {
  result: RouteResult;
  /** When a hedge attempt was launched, relative to the start, if one was. */
  hedgeStartMs?: number;
}

export async function routedRequest(router: Router, request: Partial<RouteRequest> = {}): Promise<RoutedSample> {
  const started = performance.now();
  let ttft: number | undefined;
  let hedgeStartMs: number | undefined;
  const result = await router.route(
    { conversationId: 'bench', messages: PROMPT, taskChoice: 'auto', ...request },
    {
      onText: () => {
        ttft ??= performance.now() - started;
      },
      onAttempt: (attempt) => {
        if (attempt.hedge) hedgeStartMs ??= performance.now() - started;
      },
    },
    new AbortController().signal,
  );
  const totalMs = performance.now() - started;
  if (ttft === undefined) throw new Error('routed request produced no text');
  return { ttftMs: ttft, totalMs, result, ...(hedgeStartMs !== undefined ? { hedgeStartMs } : {}) };
}
