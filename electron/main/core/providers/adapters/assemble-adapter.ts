/**
 * The part every adapter shares: guarded calls, the live model list with the
 * catalog as fallback, and the probe. An adapter supplies only what differs
 * per SDK: how to stream, how to complete, how to list model ids, and how to
 * map that SDK's failures.
 */
import type { Clock } from '../../clock.js';
import type { FailureContext } from '../errors/failure-context.js';
import type { ProviderError } from '../provider-error.js';
import { guardStream, toCompletion } from '../stream-guard.js';
import type { AdapterConfig, CallOptions, ChatRequest, ProviderAdapter, StreamEvent, StreamTimeouts } from '../types.js';
import { completeTimeouts, listSignal, modelsWithFallback, probeWith, sdkBackstopMs } from './adapter-support.js';
import { continuationOf } from './continuation.js';
import { redact } from '../../secrets/redact.js';
import { scrubProviderError, scrubStream } from './scrub-provider-output.js';

/** What one SDK request is sent with. */
export interface SdkCall {
  /** Aborted by the guard on a timeout, the user's Stop or an early exit: the request must go with it. */
  signal: AbortSignal;
  /** For the SDK's own timer: a backstop well past the guard's, so our clearer error wins. */
  timeoutMs: number;
}

type Source = (request: ChatRequest, call: SdkCall) => AsyncIterable<StreamEvent>;

export interface AdapterParts {
  config: AdapterConfig;
  clock: Clock;
  /** Catalog preset that prices the offline model list (its ids come from `config.defaultModels`). */
  presetId: string | undefined;
  failure: (error: unknown, ctx: FailureContext) => ProviderError;
  streamSource: Source;
  completeSource: Source;
  listIds: (call: SdkCall) => Promise<string[]>;
}

const LIST_SDK_TIMEOUT_MS = 30_000;

export function assembleAdapter(parts: AdapterParts): ProviderAdapter {
  const { config, clock } = parts;
  // Some hosts and proxies echo a key back, in their error text or their
  // request-id header. Every key the app knows is taken out, not only this one's.
  const scrub = (text: string) => redact(text, [...(config.apiKey ? [config.apiKey] : []), ...(config.knownKeys?.() ?? [])]);
  const failure = (error: unknown, afterHeaders: boolean): ProviderError =>
    scrubProviderError(parts.failure(error, { provider: config.id, now: clock.now(), afterHeaders }), scrub);

  const liveModels = async (signal: AbortSignal): Promise<string[]> => {
    try {
      return await parts.listIds({ signal: listSignal(signal), timeoutMs: LIST_SDK_TIMEOUT_MS });
    } catch (error) {
      throw failure(error, false);
    }
  };

  const call = (options: CallOptions, timeouts: StreamTimeouts, request: ChatRequest, source: Source) =>
    scrubStream(guardStream((signal) => source(request, { signal, timeoutMs: sdkBackstopMs(options.timeouts) }), {
      provider: config.id,
      clock,
      timeouts,
      signal: options.signal,
      mapError: failure,
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
