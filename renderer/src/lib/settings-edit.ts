/** Immutable edits of the Settings object the forms make before `settings.set`. */
import type { ProviderView } from '../../../shared/providers.js';
import type { ProviderConfig, Settings } from '../../../shared/settings.js';

/**
 * Changes one provider's config. A provider shown in the list but absent from
 * settings (a built-in default) gets an entry made from its view first.
 */
export function patchProvider(settings: Settings, view: ProviderView, patch: Partial<ProviderConfig>): Settings {
  const exists = settings.providers.some((p) => p.id === view.id);
  const base: ProviderConfig = { id: view.id, kind: view.kind, enabled: view.enabled };
  if (view.preset) base.preset = view.preset;
  const providers = exists
    ? settings.providers.map((p) => (p.id === view.id ? { ...p, ...patch } : p))
    : [...settings.providers, { ...base, ...patch }];
  return { ...settings, providers };
}

export function configOf(settings: Settings | undefined, id: string): ProviderConfig | undefined {
  return settings?.providers.find((p) => p.id === id);
}

/** Header rows as the form holds them; empty names are dropped on save. */
export type HeaderRow = { name: string; value: string };

export function headersFromRows(rows: HeaderRow[]): Record<string, string> | undefined {
  const filled = rows.filter((r) => r.name.trim() !== '');
  if (filled.length === 0) return undefined;
  return Object.fromEntries(filled.map((r) => [r.name.trim(), r.value]));
}

export function rowsFromHeaders(headers: Record<string, string> | undefined): HeaderRow[] {
  return Object.entries(headers ?? {}).map(([name, value]) => ({ name, value }));
}

export function parseModelList(text: string): string[] | undefined {
  const models = text
    .split(/[\n,]/)
    .map((m) => m.trim())
    .filter((m) => m !== '');
  return models.length > 0 ? models : undefined;
}
