/**
 * Why a route target may not work as configured. Targets are flagged, never
 * dropped: the user decides what to do about them.
 */
import type { ProviderView } from '../../../shared/providers.js';
import type { RouteTarget } from '../../../shared/settings.js';

export type TargetFlag = 'unknown provider' | 'provider disabled' | 'model not listed';

/**
 * `liveModels` holds model lists fetched from providers in this session; a model
 * counts as listed if either the configured or the live list has it. With no
 * list at all nothing is known, so nothing is flagged.
 */
export function flagTarget(target: RouteTarget, providers: ProviderView[], liveModels: Record<string, string[]> = {}): TargetFlag[] {
  const provider = providers.find((p) => p.id === target.provider);
  if (!provider) return ['unknown provider'];
  const flags: TargetFlag[] = [];
  if (!provider.enabled) flags.push('provider disabled');
  const known = [...provider.models, ...(liveModels[provider.id] ?? [])];
  if (known.length > 0 && !known.includes(target.model)) flags.push('model not listed');
  return flags;
}
