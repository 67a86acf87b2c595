/**
 * A real core on a fresh data folder with the tiny model installed in the
 * built-in engine, its settings from `config`, and a count of engine processes
 * started (the engine loads on first use, so 0 means it was never asked).
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/main/core/app-core.js';
import { nodeEngineLauncher } from '../../electron/main/core/providers/engine/node-launcher.js';
import { MemorySecretStore } from '../../electron/main/core/secrets/memory-secret-store.js';
import { TINY } from './engine-fixture.js';
import { writeTinyModel } from './tiny-model.js';

export interface EngineCore {
  core: Core;
  launches: () => number;
}

export async function coreWithEngineModel(config: object, options: { env?: Record<string, string>; online?: () => boolean } = {}): Promise<EngineCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-engine-core-'));
  mkdirSync(join(dataDir, 'engine-models'));
  copyFileSync(writeTinyModel(), join(dataDir, 'engine-models', TINY));
  const configFile = join(dataDir, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
  let launches = 0;
  const core = await createCore({
    host: 'cli', dataDir, configFile, version: '0.0.0-test',
    env: options.env ?? {}, secretStore: new MemorySecretStore(),
    ...(options.online ? { online: options.online } : {}),
    engineLauncher: () => {
      launches += 1;
      return nodeEngineLauncher()();
    },
  });
  return { core, launches: () => launches };
}
