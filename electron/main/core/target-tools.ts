/**
 * Whether a target can call tools, from its catalog entry: the model's own
 * capability where the catalog lists one, else the preset's. A provider the
 * catalog does not know (a custom OpenAI-compatible server) is given the chance.
 * The built-in engine is not: its prompt runner is given no tools, so it would
 * answer a tool request in prose and the caller's tool loop would stop there.
 */
import type { Settings } from '../../../shared/settings.js';
import { presetOf } from './provider-preset.js';

export function targetToolSupport(settings: () => Settings): (provider: string, model: string) => boolean {
  return (providerId, model) => {
    const p = settings().providers.find((x) => x.id === providerId);
    if (p?.kind === 'engine') return false;
    const preset = p ? presetOf(p) : undefined;
    if (!preset) return true;
    return preset.models.find((m) => m.id === model)?.capabilities?.tools ?? preset.capabilities.tools;
  };
}
