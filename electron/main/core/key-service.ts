/**
 * Setting and removing keys. A key goes into the secret store and never comes
 * back out to a caller: only its status and masked form do.
 */
import type { KeyStatus, ProviderView } from '../../../shared/providers.js';
import type { Settings } from '../../../shared/settings.js';
import type { SecretStore } from './secrets/secret-store.js';

export interface KeyService {
  set(provider: string, key: string): Promise<KeyStatus>;
  delete(provider: string): Promise<KeyStatus>;
  list(): Promise<KeyStatus[]>;
}

export function createKeyService(deps: {
  secrets: SecretStore;
  settings: () => Settings;
  /** Called after a change, so adapters and routes pick the new key up. */
  changed: (provider: string) => Promise<void>;
  /** The providers with the keys they resolved last: statuses come from there, with no second keychain read. */
  views: () => ProviderView[];
}): KeyService {
  const config = (id: string) => {
    const p = deps.settings().providers.find((x) => x.id === id);
    if (!p) throw new Error(`There is no provider "${id}".`);
    return p;
  };
  const status = (id: string): KeyStatus => {
    const view = deps.views().find((v) => v.id === id);
    if (!view) throw new Error(`There is no provider "${id}".`);
    return view.key;
  };
  return {
    async set(provider, key) {
      config(provider);
      await deps.secrets.set(provider, key.trim());
      await deps.changed(provider);
      return status(provider);
    },
    async delete(provider) {
      config(provider);
      await deps.secrets.delete(provider);
      await deps.changed(provider);
      return status(provider);
    },
    list: async () => deps.views().map((v) => v.key),
  };
}
