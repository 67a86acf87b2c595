/**
 * Finds API keys written straight into a settings file (`providers[i].apiKey`),
 * which the schema has no place for. They are taken out so that they are never
 * written back, and handed to the secret store or reported, never dropped quietly.
 */
import { isRecord, type InlineKey, type RawSettings } from './migrations/types.js';

export function extractInlineKeys(raw: RawSettings): { raw: RawSettings; keys: InlineKey[] } {
  if (!Array.isArray(raw.providers)) return { raw, keys: [] };
  const keys: InlineKey[] = [];
  const providers = raw.providers.map((provider: unknown, index) => {
    if (!isRecord(provider) || !('apiKey' in provider)) return provider;
    const { apiKey, ...rest } = provider;
    if (typeof apiKey === 'string' && apiKey.trim() && typeof rest.id === 'string') {
      keys.push({ provider: rest.id, key: apiKey.trim(), field: `providers[${index}].apiKey` });
    }
    return rest;
  });
  return { raw: { ...raw, providers }, keys };
}
