/**
 * `npm run web -- [--config FILE] [--data-dir DIR] [--port N]`: the app in a
 * browser, for machines where Electron cannot run, and for end-to-end tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../main/core/app-core.js';
import { parsePort, resolveConfigFile, resolveDataDir, UsageError } from '../main/core/host-options.js';
import { startWebHost } from './server.js';
import { hostApi } from '../api/api-host.js';
import { nodeEngineLauncher } from '../main/core/providers/engine/node-launcher.js';

const root = join(import.meta.dirname, '..', '..');

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        config: { type: 'string' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (args.help) {
    console.log('usage: npm run web -- [--config FILE] [--data-dir DIR] [--port N]');
    return;
  }
  const rendererDir = join(root, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new UsageError('the renderer is not built: run `npm run build` first');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const core = await createCore({
    host: 'web',
    engineLauncher: nodeEngineLauncher(),
    dataDir: resolveDataDir(args['data-dir']),
    configFile: resolveConfigFile(args.config),
    version,
    logToConsole: false,
  });
  const host = await startWebHost({ handlers: core.handlers, events: core.events, rendererDir, port: parsePort(args.port) });
  console.log(`Switchboard: ${host.url}`);
  const api = hostApi(core);
  await api.sync();
  const stop = async () => {
    await api.close();
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`switchboard web: ${message}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
