/** What the API needs of the core, taken from a running one. */
import type { Core } from '../main/core/app-core.js';
import type { ApiCore } from './run-api-chat.js';

export function apiCoreOf(core: Core): ApiCore {
  return {
    router: core.router,
    settings: core.settings,
    taskTypes: core.taskTypes,
    scrub: core.scrub,
  };
}
