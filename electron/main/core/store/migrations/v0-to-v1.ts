/**
 * Settings written before the file had a `version`. That format differed in three ways:
 * - a provider could carry its key inline (`apiKey`), and its URL as `baseUrl`;
 * - a route was a string or a list of strings `"provider:model"`;
 * - `localFallback` could be such a string too.
 * Keys are handed to the secret store and never written back.
 */
import { isRecord, type Migration, type MigrationContext, type RawSettings } from './types.js';

function splitTarget(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  // Split at the first colon only: Ollama model names carry tags, e.g. "ollama:llama3.2:3b".
  const at = value.indexOf(':');
  if (at <= 0 || at === value.length - 1) return value;
  return { provider: value.slice(0, at).trim(), model: value.slice(at + 1).trim() };
}

function migrateProvider(value: unknown, index: number, context: MigrationContext): unknown {
  if (!isRecord(value)) return value;
  const { apiKey, baseUrl, ...rest } = value;
  if (typeof apiKey === 'string' && apiKey.trim() && typeof rest.id === 'string') {
    context.moveKey({ provider: rest.id, key: apiKey.trim(), field: `providers[${index}].apiKey` });
  }
  if (rest.baseURL === undefined && typeof baseUrl === 'string') rest.baseURL = baseUrl;
  return rest;
}

function migrateRoutes(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const routes: Record<string, unknown> = {};
  for (const [task, targets] of Object.entries(value)) {
    const list = Array.isArray(targets) ? targets : [targets];
    routes[task] = list.map(splitTarget);
  }
  return routes;
}

export const v0ToV1: Migration = {
  from: 0,
  to: 1,
  migrate(raw: RawSettings, context: MigrationContext): RawSettings {
    const out: RawSettings = { ...raw, version: 1 };
    if (Array.isArray(raw.providers)) {
      out.providers = raw.providers.map((p, i) => migrateProvider(p, i, context));
    }
    if (raw.routes !== undefined) out.routes = migrateRoutes(raw.routes);
    if (raw.localFallback !== undefined) out.localFallback = splitTarget(raw.localFallback);
    return out;
  },
};
