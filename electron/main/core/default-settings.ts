/**
 * Settings for a user who has not saved any: every catalog provider (so keys can
 * be entered straight away), local Ollama as the last resort, and routes built
 * from the providers that actually have a key. Recomputed whenever keys change,
 * until the user saves settings of their own.
 */
import { DEFAULT_LOCAL_MODEL, DEFAULT_OLLAMA_URL, SettingsSchema, type ProviderConfig, type Settings } from '../../../shared/settings.js';
import { defaultModelsOf, listPresets } from './providers/catalog/catalog.js';
import { buildDefaultRoutes } from './router/default-routes.js';

export const LOCAL_PROVIDER_ID = 'ollama';

export function catalogProviders(): ProviderConfig[] {
  return listPresets()
    .filter((preset) => !preset.local && preset.kind !== 'ollama' && preset.id !== 'custom')
    .map((preset) => ({
      id: preset.id,
      kind: preset.kind,
      preset: preset.id,
      name: preset.name,
      baseURL: preset.baseURL,
      ...(preset.keyEnvVars[0] ? { apiKeyEnv: preset.keyEnvVars[0] } : {}),
      models: defaultModelsOf(preset),
      enabled: true,
    }));
}

export function localProvider(): ProviderConfig {
  return {
    id: LOCAL_PROVIDER_ID,
    kind: 'ollama',
    preset: 'ollama',
    name: 'Ollama (local)',
    baseURL: DEFAULT_OLLAMA_URL,
    models: [DEFAULT_LOCAL_MODEL],
    enabled: true,
  };
}

/** `withKey`: ids of catalog providers that have a key (environment or keychain). */
export function defaultSettings(withKey: ReadonlySet<string>): Settings {
  const providers = [...catalogProviders(), localProvider()];
  const localFallback = { provider: LOCAL_PROVIDER_ID, model: DEFAULT_LOCAL_MODEL };
  const available = providers
    .filter((p) => withKey.has(p.id))
    .map((p) => ({ id: p.id, preset: p.preset, kind: p.kind, models: p.models ?? [] }));
  return SettingsSchema.parse({ providers, routes: buildDefaultRoutes(available, localFallback), localFallback });
}
