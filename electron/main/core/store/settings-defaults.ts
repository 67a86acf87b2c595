/** What a first start (or a reset after a broken file) begins with: local Ollama only. */
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
