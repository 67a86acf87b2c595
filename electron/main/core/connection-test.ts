/**
 * "Test connection" and `doctor`: proof that a provider answers the way chat
 * uses it. The key is accepted and the model is listed (the probe), then one
 * tiny completion is *streamed* and its first token must come within the
 * general task's first-token timeout. A provider whose model list works but
 * whose streams fail or stall does not pass, because chat would not work.
 */
import type { ProbeResult } from '../../../shared/providers.js';
import type { Settings } from '../../../shared/settings.js';
import { ProviderError } from './providers/provider-error.js';
import type { ProviderAdapter } from './providers/types.js';
import { taskOptions } from './router/task-options.js';

export async function testConnection(adapter: ProviderAdapter, model: string | undefined, settings: Settings, now: () => number): Promise<ProbeResult> {
  const id = adapter.id;
  const started = now();
  const took = (): number => Math.max(0, now() - started);
  const stop = new AbortController();
  const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(60_000)]);
  try {
    const probe = await adapter.probe(signal);
    if (!probe.ok || !model) return { ...probe, latencyMs: took() };
    const listed = await adapter.listModels(signal);
    // Ollama lists `llama3.2:latest` for the `llama3.2` a user names.
    const named = (id: string): boolean => id === model || id === `${model}:latest`;
    if (listed.source === 'live' && listed.models.length > 0 && !listed.models.some((m) => named(m.id))) {
      return { provider: id, ok: false, latencyMs: took(), errorKind: 'model_not_found', message: `${model} is not in this provider's model list` };
    }
    const { timeouts } = taskOptions(settings, 'general');
    let firstTokenMs: number | undefined;
    for await (const event of adapter.stream({ model, messages: [{ role: 'user', content: 'Reply with the word ok.' }], maxTokens: 5 }, { signal, timeouts })) {
      if (event.type === 'text' && event.text !== '') {
        firstTokenMs = took();
        break;
      }
    }
    if (firstTokenMs === undefined) {
      return { provider: id, ok: false, latencyMs: took(), errorKind: 'stream_interrupted', message: `${model} answered without any text` };
    }
    return { ...probe, latencyMs: firstTokenMs };
  } catch (error) {
    if (ProviderError.is(error)) {
      return { provider: id, ok: false, latencyMs: took(), errorKind: error.kind, message: error.message, ...(error.requestId ? { requestId: error.requestId } : {}) };
    }
    return { provider: id, ok: false, latencyMs: took(), errorKind: 'network', message: error instanceof Error ? error.message : String(error) };
  } finally {
    stop.abort();
  }
}
