/**
 * The catalog entry behind a configured provider. A provider of kind `openai`,
 * `anthropic` or `ollama` that names no preset and sits on an unknown host (a
 * proxy, a test server) still prices and behaves as that kind's own service.
 */
import type { ProviderConfig } from '../../../shared/settings.js';
import { presetForProvider, resolvePreset } from './providers/catalog/catalog.js';
import type { ProviderPreset } from '../../../shared/catalog/preset-types.js';

export function presetOf(p: Pick<ProviderConfig, 'id' | 'kind' | 'preset' | 'baseURL'>): ProviderPreset | undefined {
  return presetForProvider(p) ?? (p.kind === 'openai-compatible' ? undefined : resolvePreset(p.kind));
}

/** The one name a provider is shown by (settings, messages, health, the CLI's human output): the user's, else its catalog entry's, else its id. */
export function displayName(p: Pick<ProviderConfig, 'id' | 'kind' | 'preset' | 'baseURL' | 'name'>): string {
  return p.name ?? presetOf(p)?.name ?? p.id;
}
