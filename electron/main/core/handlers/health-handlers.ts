/** Handlers for the health panel's controls and the usage view. */
import type { healthCalls } from '../../../../shared/contract/calls-health.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import type { ProviderHealth } from '../../../../shared/providers.js';
import type { Settings } from '../../../../shared/settings.js';
import type { Clock } from '../clock.js';
import type { Router } from '../router/types.js';
import type { AttemptStore } from '../store/attempts/attempt-store.js';
import type { SettingsStore } from '../store/settings-store.js';
import { usageReport } from '../usage-report.js';

type HealthHandlers = Pick<Handlers, keyof typeof healthCalls>;

export function healthHandlers(deps: {
  router: Router;
  store: SettingsStore;
  effective: () => Settings;
  attempts: AttemptStore;
  clock: Clock;
  /** Health once the change is in force, also sent to every window as `health.update`. */
  publish: () => Promise<ProviderHealth[]>;
}): HealthHandlers {
  const known = (provider: string) => {
    if (!deps.effective().providers.some((p) => p.id === provider)) throw new Error(`There is no provider "${provider}".`);
  };
  return {
    'health.resetCircuit': async ({ provider }) => {
      known(provider);
      deps.router.state.resetCircuit(provider);
      return deps.publish();
    },
    'providers.setEnabled': async ({ provider, enabled }) => {
      known(provider);
      const settings = deps.effective();
      // The settings in force may be defaults built from found keys: saving them makes them the user's own.
      deps.store.update({ ...settings, providers: settings.providers.map((p) => (p.id === provider ? { ...p, enabled } : p)) });
      return deps.publish();
    },
    'usage.get': async (query) => usageReport(deps.attempts, deps.effective(), query, deps.clock.now()),
  };
}
