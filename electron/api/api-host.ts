/**
 * Runs the API while Settings → API has it on, for the desktop app and browser
 * mode: started, stopped or moved to a new port whenever the settings change,
 * with the outcome reported to the core so the section can show it.
 */
import { apiSettingsOf } from '../../shared/settings.js';
import type { Core } from '../main/core/app-core.js';
import { apiCoreOf } from './core-bridge.js';
import { startApiServer, type ApiServer } from './server.js';

export interface ApiHost {
  /** Applies the current settings; resolves once the server is in the state they ask for. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export function hostApi(core: Core): ApiHost {
  let server: ApiServer | undefined;
  let runningPort: number | undefined;
  let queue = Promise.resolve();

  async function apply(): Promise<void> {
    const wanted = apiSettingsOf(core.settings());
    if (server && (!wanted.enabled || runningPort !== wanted.port)) {
      await server.close();
      server = undefined;
      runningPort = undefined;
      core.api.report({ running: false });
    }
    if (!wanted.enabled || server) return;
    try {
      await core.api.token();
      server = await startApiServer({
        core: apiCoreOf(core),
        port: wanted.port,
        token: core.api.current,
        allowedOrigins: () => apiSettingsOf(core.settings()).allowedOrigins,
      });
      runningPort = wanted.port;
      core.api.report({ running: true, url: server.url });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EADDRINUSE' ? `port ${wanted.port} is already in use; choose another` : (error as Error).message;
      core.api.report({ running: false, error: `The API could not start: ${why}.` });
    }
  }

  // One change at a time, so a quick toggle never leaves two servers behind.
  const sync = () => (queue = queue.then(apply, apply));
  const unsubscribe = core.onSettingsChange(() => void sync());
  return {
    sync,
    close: async () => {
      unsubscribe();
      await queue;
      await server?.close();
      server = undefined;
    },
  };
}
