/** The preset registry: lookup by id, and finding the preset behind a configured provider. */
import { CLOUD_PRESETS } from './presets-cloud.js';
import { LOCAL_PRESETS } from './presets-local.js';
import type { ProviderPreset } from './preset-types.js';

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

/**
 * Cloud presets by host, built on first use. The router asks for prices many
 * times per message, and parsing every preset's URL each time cost ~0.1 ms per
 * message for a provider on an unknown host (a proxy, a custom entry).
 */
let cloudByHost: Map<string, ProviderPreset> | undefined;
/** Hosts of configured base URLs; there are only as many as providers. */
const hostCache = new Map<string, string | undefined>();

function cloudPresetOnHost(baseURL: string): ProviderPreset | undefined {
  if (!cloudByHost) {
    cloudByHost = new Map();
    for (const preset of CLOUD_PRESETS) {
      const host = hostOf(preset.baseURL);
      // The first preset on a host wins, as a search in catalog order would.
      if (host && !cloudByHost.has(host)) cloudByHost.set(host, preset);
    }
  }
  if (!hostCache.has(baseURL)) {
    if (hostCache.size >= 256) hostCache.clear();
    hostCache.set(baseURL, hostOf(baseURL));
  }
  const host = hostCache.get(baseURL);
  return host ? cloudByHost.get(host) : undefined;
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
