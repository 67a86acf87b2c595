/**
 * Once a model is installed, the built-in engine is the last link of every chain
 * without the user setting anything up: a provider `engine` and its fallback are
 * added to the settings in force (never written to the user's file). A user who
 * configured the engine themselves, or disabled it, keeps what they set.
 */
import type { Settings } from '../../../../shared/settings.js';
import { ENGINE_PROVIDER_ID } from './engine-ids.js';

export function withEngine(settings: Settings, installed: readonly string[]): Settings {
  if (installed.length === 0 || settings.engineFallback) return settings;
  const own = settings.providers.find((p) => p.kind === 'engine');
  const model = own?.models?.find((m) => installed.includes(m)) ?? installed[0];
  if (!model) return settings;
  if (own) return { ...settings, engineFallback: { provider: own.id, model } };
  if (settings.providers.some((p) => p.id === ENGINE_PROVIDER_ID)) return settings;
  return {
    ...settings,
    providers: [...settings.providers, { id: ENGINE_PROVIDER_ID, kind: 'engine', name: 'Built-in engine', enabled: true }],
    engineFallback: { provider: ENGINE_PROVIDER_ID, model },
  };
}
