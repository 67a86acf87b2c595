/** Whether a provider can be used at all: one that needs a key and has none is "not set up", whatever its enabled flag says. */
import type { ProviderView } from '../../../shared/providers.js';

export const isSetUp = (p: Pick<ProviderView, 'key'>): boolean => p.key.source !== 'none';

/** Enabled and set up: what can actually take a message. */
export const isActive = (p: Pick<ProviderView, 'key' | 'enabled'>): boolean => p.enabled && isSetUp(p);

/** The providers list filtered by what the user typed: name, id, kind or URL. */
export function matchesQuery(p: Pick<ProviderView, 'id' | 'name' | 'kind' | 'baseURL'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || [p.name, p.id, p.kind, p.baseURL].some((field) => field.toLowerCase().includes(q));
}

/** Set-up providers first, each group in the configured order. */
export function setUpFirst<T extends Pick<ProviderView, 'key'>>(list: readonly T[]): T[] {
  return [...list.filter(isSetUp), ...list.filter((p) => !isSetUp(p))];
}
