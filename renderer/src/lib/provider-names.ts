import { useCallback } from 'react';
import { useSettings } from '../services-context.js';

/** A provider's display name, the one Settings and Health show, for any id; the id itself for one no longer configured. */
export function useProviderName(): (id: string) => string {
  const providers = useSettings((s) => s.providers);
  return useCallback((id: string) => providers.find((p) => p.id === id)?.name ?? id, [providers]);
}
