/**
 * Electron's seam for the built-in engine: the same worker file the Node hosts
 * fork, run in a utilityProcess so a crash or a long load never touches the UI.
 */
import { utilityProcess } from 'electron';
import { join } from 'node:path';
import { engineArgs, type EngineChannel, type EngineLauncher } from './core/providers/engine/engine-protocol.js';

export function utilityEngineLauncher(outDir: string): EngineLauncher {
  return (start): EngineChannel => {
    const child = utilityProcess.fork(join(outDir, 'engine-worker.js'), engineArgs(start), { serviceName: 'Switchboard engine', stdio: 'ignore' });
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
      kill: () => {
        child.kill();
      },
    };
  };
}
