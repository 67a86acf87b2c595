/**
 * The settings store's defaults when its host passes none: local Ollama only.
 * The app passes its own (no providers yet), so a first start gets routes built
 * from the keys it finds (core/default-settings.ts).
 */
import {
  DEFAULT_LOCAL_MODEL,
  DEFAULT_OLLAMA_URL,
  SettingsSchema,
  type Settings,
} from '../../../../shared/settings.js';

export function defaultSettings(): Settings {
  return SettingsSchema.parse({
    providers: [{ id: 'ollama', kind: 'ollama', name: 'Ollama (local)', baseURL: DEFAULT_OLLAMA_URL }],
    localFallback: { provider: 'ollama', model: DEFAULT_LOCAL_MODEL },
  });
}
