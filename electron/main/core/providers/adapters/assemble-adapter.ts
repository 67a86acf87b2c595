/**
 * The part every adapter shares: guarded calls with a fresh fetch tap, the live
 * model list with the catalog as fallback, and the probe. An adapter supplies
 * only what differs per SDK: how to stream, how to complete, how to list model
 * ids, and how to map that SDK's failures.
 */
import type { Clock } from '../../clock.js';
import type { FailureContext } from '../errors/failure-context.js';
import type { ProviderError } from '../provider-error.js';
import type { AdapterConfig, CallOptions, ChatRequest, ProviderAdapter, StreamEvent, StreamTimeouts } from '../types.js';
import { completeTimeouts, listSignal, modelsWithFallback, probeWith, sdkBackstopMs } from './adapter-support.js';
import { continuationOf } from './continuation.js';
import { guardedCall, toCompletion } from './guarded-call.js';
import { tapFetch, type ResponseTap } from './response-tap.js';
import { redact } from '../../secrets/redact.js';
import { scrubProviderError, scrubStream } from './scrub-provider-output.js';

/**
 * One SDK call. The tap ties the HTTP request to the guard's signal; the SDK
 * gets only its own timeout, a backstop well past the guard's.
 */
type Source = (request: ChatRequest, tap: ResponseTap, sdkTimeoutMs: number) => AsyncIterable<StreamEvent>;

export interface AdapterParts {
  config: AdapterConfig;
  clock: Clock;
  /** Catalog preset that prices the offline model list (its ids come from `config.defaultModels`). */
  presetId: string | undefined;
  failure: (error: unknown, ctx: FailureContext) => ProviderError;
  streamSource: Source;
  completeSource: Source;
  listIds: (tap: ResponseTap) => Promise<string[]>;
  /** Check NDJSON bodies line by line (Ollama), since ollama-js skips broken lines silently. */
  strictNdjson?: boolean;
}

export function assembleAdapter(parts: AdapterParts): ProviderAdapter {
  const { config, clock } = parts;
  // Some hosts and proxies echo a key back, in their error text or their
  // request-id header. Every key the app knows is taken out, not only this one's.
  const scrub = (text: string) => redact(text, [...(config.apiKey ? [config.apiKey] : []), ...(config.knownKeys?.() ?? [])]);
  const failure = (error: unknown, ctx: FailureContext): ProviderError => scrubProviderError(parts.failure(error, ctx), scrub);

  const liveModels = async (signal: AbortSignal): Promise<string[]> => {
    const tap = tapFetch(config.fetch, listSignal(signal));
    try {
      return await parts.listIds(tap);
    } catch (error) {
      throw failure(error, { provider: config.id, now: clock.now(), afterHeaders: false, response: tap.last });
    }
  };

  const call = (options: CallOptions, timeouts: StreamTimeouts, request: ChatRequest, source: Source) =>
    scrubStream(guardedCall({
      provider: config.id,
      clock,
      fetch: config.fetch,
      timeouts,
      signal: options.signal,
      source: (tap) => source(request, tap, sdkBackstopMs(options.timeouts)),
      ...(parts.strictNdjson ? { strictNdjson: true } : {}),
      mapError: (error, afterHeaders, tap) =>
        failure(error, { provider: config.id, now: clock.now(), afterHeaders, response: tap?.last }),
    }), scrub);

  return {
    id: config.id,
    kind: config.kind,
    continuation: continuationOf(config),
    stream: (request, options) => call(options, options.timeouts, request, parts.streamSource),
    complete: (request, options) => toCompletion(call(options, completeTimeouts(options.timeouts), request, parts.completeSource)),
    listModels: (signal) => modelsWithFallback(() => liveModels(signal), { defaultModels: config.defaultModels, preset: parts.presetId }),
    probe: (signal) => probeWith(config.id, clock, () => liveModels(signal)),
  };
}
