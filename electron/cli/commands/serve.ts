/**
 * `switchboard serve [--port N]`: the local OpenAI- and Anthropic-compatible API
 * on 127.0.0.1, whatever Settings → API says about running it in the app. Prints
 * one line once ready, and the token on stderr; runs until interrupted.
 */
import { apiSettingsOf } from '../../../shared/settings.js';
import { apiCoreOf } from '../../api/core-bridge.js';
import { startApiServer } from '../../api/server.js';
import type { Core } from '../../main/core/app-core.js';
import { parsePort, UsageError } from '../../main/core/host-options.js';
import type { Output } from '../output.js';

export async function serve(core: Core, portFlag: string | undefined, out: Output, stop: Promise<void>): Promise<number> {
  const api = apiSettingsOf(core.settings());
  const port = portFlag === undefined ? api.port : parsePort(portFlag);
  const token = await core.api.token();
  let server;
  try {
    server = await startApiServer({ core: apiCoreOf(core), port, token: core.api.current, allowedOrigins: () => apiSettingsOf(core.settings()).allowedOrigins });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`port ${port} is already in use; pick another with --port`);
    throw error;
  }
  // The token first: the URL line says "ready", and a script may start on it.
  out.note(`switchboard: API token ${token} (also in Settings → API)`);
  out.text(`Switchboard API: ${server.url}\n`);
  await stop;
  await server.close();
  return 0;
}
