/** The built-in engine on the tiny model, through the same launcher the CLI and headless host use. */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createEngineAdapter } from '../../electron/main/core/providers/engine/engine-adapter.js';
import { createEngineHost, type EngineHost } from '../../electron/main/core/providers/engine/engine-host.js';
import { nodeEngineLauncher } from '../../electron/main/core/providers/engine/node-launcher.js';
import type { EngineChannel } from '../../electron/main/core/providers/engine/engine-protocol.js';
import { realClock, type Clock } from '../../electron/main/core/router/types.js';
import type { CallOptions } from '../../electron/main/core/providers/types.js';
import { writeTinyModel } from './tiny-model.js';

export const TINY = 'tiny-test.gguf';

export interface EngineFixture {
  host: EngineHost;
  adapter: ReturnType<typeof createEngineAdapter>;
  modelDir: string;
  /** Every engine process started so far, newest last. */
  channels: EngineChannel[];
}

/** `launch`: how the engine process starts; the CLI's and headless host's child process unless a test gives another. */
export function startEngine(options: { idleUnloadMs?: number; clock?: Clock; launch?: () => EngineChannel } = {}): EngineFixture {
  const modelDir = dirname(writeTinyModel());
  const launch = options.launch ?? nodeEngineLauncher();
  const channels: EngineChannel[] = [];
  const host = createEngineHost({
    launch: () => {
      const channel = launch();
      channels.push(channel);
      return channel;
    },
    clock: options.clock ?? realClock,
    provider: 'engine',
    idleUnloadMs: options.idleUnloadMs ?? 60_000,
  });
  const adapter = createEngineAdapter({
    id: 'engine',
    host,
    clock: options.clock ?? realClock,
    modelPath: (model) => join(modelDir, model),
    installed: async () => [TINY],
  });
  return { host, adapter, modelDir, channels };
}

export function writeJunkModel(dir: string): string {
  const name = 'junk.gguf';
  writeFileSync(join(dir, name), 'this is not a model');
  return name;
}

export function engineCall(signal = new AbortController().signal): CallOptions {
  return { signal, timeouts: { connectMs: 60_000, firstTokenMs: 60_000, idleMs: 30_000 } };
}
