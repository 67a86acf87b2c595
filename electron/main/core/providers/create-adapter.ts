/** Picks the adapter for a configured provider by its kind. */
import { realClock, type Clock } from '../clock.js';
import { createAnthropicAdapter } from './adapters/anthropic-adapter.js';
import { createOllamaAdapter } from './adapters/ollama-adapter.js';
import { createOpenAiAdapter } from './adapters/openai-adapter.js';
import { createEngineAdapter } from './engine/engine-adapter.js';
import type { AdapterConfig, ProviderAdapter } from './types.js';

export function createAdapter(config: AdapterConfig, clock: Clock = realClock): ProviderAdapter {
  switch (config.kind) {
    case 'anthropic':
      return createAnthropicAdapter(config, clock);
    case 'ollama':
      return createOllamaAdapter(config, clock);
    case 'openai':
    case 'openai-compatible':
      return createOpenAiAdapter(config, clock);
    case 'engine':
      // The pool only builds one when its host runs the engine (see PoolDeps.engine).
      if (!config.engine) throw new Error('the built-in engine is not available in this host');
      return createEngineAdapter({ id: config.id, clock, ...config.engine });
  }
}
