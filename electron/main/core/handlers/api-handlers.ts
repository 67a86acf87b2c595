/** Handlers for the API section of Settings. */
import type { apiCalls, ApiInfo } from '../../../../shared/contract/calls-api.js';
import type { Handlers } from '../../../../shared/contract/index.js';
import { apiSettingsOf, type Settings } from '../../../../shared/settings.js';
import type { ApiAccess } from '../api-access.js';

type ApiHandlers = Pick<Handlers, keyof typeof apiCalls>;

export function apiHandlers(deps: { access: ApiAccess; settings: () => Settings; tokenPersisted: () => boolean; hostServes: boolean }): ApiHandlers {
  const info = async (): Promise<ApiInfo> => {
    const api = apiSettingsOf(deps.settings());
    const state = deps.access.state();
    return {
      enabled: api.enabled,
      running: state.running,
      port: api.port,
      ...(state.url ? { url: state.url } : {}),
      ...(state.error ? { error: state.error } : {}),
      token: await deps.access.token(),
      tokenPersisted: deps.tokenPersisted(),
      hostServes: deps.hostServes,
    };
  };
  return {
    'api.info': info,
    'api.rotateToken': async () => {
      await deps.access.rotate();
      return info();
    },
  };
}
