/** The preset registry: lookup by id, and finding the preset behind a configured provider. */
import { CLOUD_PRESETS } from '../../../../../shared/catalog/presets-cloud.js';
import { LOCAL_PRESETS } from '../../../../../shared/catalog/presets-local.js';
import type { ProviderPreset } from '../../../../../shared/catalog/preset-types.js';

const PRESETS: readonly ProviderPreset[] = [...CLOUD_PRESETS, ...LOCAL_PRESETS];
const BY_ID = new Map(PRESETS.map((p) => [p.id, p]));

export function listPresets(): readonly ProviderPreset[] {
  return PRESETS;
}

export function resolvePreset(id: string | undefined): ProviderPreset | undefined {
  return id === undefined ? undefined : BY_ID.get(id);
}

export function defaultModelsOf(preset: ProviderPreset): string[] {
  return preset.models.map((model) => model.id);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

function cloudPresetOnHost(baseURL: string): ProviderPreset | undefined {
  const host = hostOf(baseURL);
  // The first preset on a host wins.
  return host ? CLOUD_PRESETS.find((preset) => hostOf(preset.baseURL) === host) : undefined;
}

/**
 * The preset for a configured provider: its named preset, else one with the same
 * id, else a cloud preset on the same host (a "custom" entry pointing at Groq
 * still gets Groq's quirks and prices).
 */
export function presetForProvider(p: { id: string; preset?: string; baseURL?: string }): ProviderPreset | undefined {
  const named = resolvePreset(p.preset) ?? resolvePreset(p.id);
  if (named) return named;
  return p.baseURL ? cloudPresetOnHost(p.baseURL) : undefined;
}
