/**
 * What the renderer needs to offer catalog providers ("Add from catalog") once the
 * user has saved settings of their own, when `providers.list` no longer shows them.
 * Derived from the catalog itself, so the two cannot drift.
 */
import { CLOUD_PRESETS } from './catalog/presets-cloud.js';
import { LOCAL_PRESETS } from './catalog/presets-local.js';
import type { ProviderKind } from './settings.js';

export interface CatalogEntry {
  id: string;
  name: string;
  kind: ProviderKind;
  baseURL: string;
  /** Env vars that may hold the key, most common first; empty when no key is needed. */
  keyEnvVars: readonly string[];
  /** Runs on this machine or the LAN. */
  local: boolean;
}

export const CATALOG_SUMMARY: readonly CatalogEntry[] = [...CLOUD_PRESETS, ...LOCAL_PRESETS].map((p) => ({
  id: p.id,
  name: p.name,
  kind: p.kind,
  baseURL: p.baseURL,
  keyEnvVars: p.keyEnvVars,
  local: p.local ?? false,
}));
