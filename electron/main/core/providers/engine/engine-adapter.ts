/**
 * The built-in engine behind the same adapter interface as every provider. A
 * model id is an installed model's file name, or the full path of a .gguf file
 * the user picked. `open` comes once the model is loaded, so the guard's connect
 * budget covers the load, with room for a cold load from a slow disk.
 */
import type { Clock } from '../../clock.js';
import { withContinuation } from '../adapters/continuation.js';
import { guardStream, toCompletion } from '../stream-guard.js';
import { ProviderError } from '../provider-error.js';
import type { CallOptions, ChatRequest, ProviderAdapter, StreamEvent, StreamTimeouts } from '../types.js';
import type { EngineHost } from './engine-host.js';
import type { EngineTurn } from './engine-protocol.js';

/** Loading a model is reading a file, not waiting on a network: give it longer than a connect. */
const LOAD_BUDGET_MS = 120_000;

export interface EngineAdapterDeps {
  id: string;
  host: EngineHost;
  clock: Clock;
  /** The file a model id names, or undefined when it is not installed. */
  modelPath: (model: string) => string | undefined;
  /** Installed model ids. */
  installed: () => Promise<string[]>;
}

export function createEngineAdapter(deps: EngineAdapterDeps): ProviderAdapter {
  async function* source(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent> {
    const path = deps.modelPath(request.model);
    if (!path) throw new ProviderError({ kind: 'model_not_found', provider: deps.id, message: `The model ${request.model} is not installed` });
    // Asked in words: the prompt runner has no prefill of its own, and the route trims what it repeats.
    const { messages, fresh } = withContinuation(request.messages, request.continueFrom, 'none');
    const turns: EngineTurn[] = messages.flatMap((m) => (m.role === 'tool' ? [] : [{ role: m.role, content: m.content }]));
    const events = deps.host.prompt(
      { modelPath: path, messages: turns, ...(request.maxTokens ? { maxTokens: request.maxTokens } : {}), ...(request.temperature !== undefined ? { temperature: request.temperature } : {}) },
      signal,
    );
    for await (const event of events) {
      if (event.type === 'loaded') yield { type: 'open' };
      else if (event.type === 'text') yield { type: 'text', text: fresh(event.text) };
      else yield { type: 'done', usage: event.usage, finishReason: event.finishReason };
    }
  }

  const call = (request: ChatRequest, options: CallOptions, timeouts: StreamTimeouts) =>
    guardStream((signal) => source(request, signal), {
      provider: deps.id,
      signal: options.signal,
      clock: deps.clock,
      timeouts: { ...timeouts, connectMs: Math.max(timeouts.connectMs, LOAD_BUDGET_MS) },
    });

  const listIds = async (): Promise<string[]> => deps.installed();

  return {
    id: deps.id,
    kind: 'engine',
    continuation: 'none',
    stream: (request, options) => call(request, options, options.timeouts),
    complete: (request, options) => toCompletion(call(request, options, options.timeouts)),
    listModels: async () => ({ models: (await listIds()).map((id) => ({ id })), source: 'live' }),
    probe: async () => {
      const started = deps.clock.now();
      const ids = await listIds();
      const ms = Math.max(0, deps.clock.now() - started);
      return ids.length > 0
        ? { provider: deps.id, ok: true, latencyMs: ms, modelCount: ids.length }
        : { provider: deps.id, ok: false, latencyMs: ms, errorKind: 'model_not_found', message: 'No model is installed for the built-in engine' };
    },
  };
}
