/** Whether anything can answer now, and whether that is known yet (both answers in). */
import { useHealth, useLocal, useSettings } from '../../services-context.js';
import { hasUsableProvider } from '../../lib/usable.js';

export function useUsable(): { known: boolean; usable: boolean } {
  const providers = useSettings((s) => s.providers);
  const providersLoaded = useSettings((s) => s.providersLoaded);
  const health = useHealth((s) => s.providers);
  const localStatus = useLocal((s) => s.status);
  const localError = useLocal((s) => s.error);
  const known = providersLoaded && (localStatus !== undefined || localError !== undefined);
  return { known, usable: hasUsableProvider(providers, health, localStatus?.reachable ?? false) };
}
