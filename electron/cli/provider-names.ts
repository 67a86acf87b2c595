/** Provider display names for the CLI's human output; ids stay where an id is meant (JSON, flags, targets). */
import type { Core } from '../main/core/app-core.js';
import { displayName } from '../main/core/provider-preset.js';

export function providerNames(core: Pick<Core, 'settings'>): (id: string) => string {
  const byId = new Map(core.settings().providers.map((p) => [p.id, displayName(p)]));
  return (id) => byId.get(id) ?? id;
}
