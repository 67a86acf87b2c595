/**
 * Starts the engine as a Node child process, for the CLI, the headless host and
 * the tests. A crash in llama.cpp then ends that process, never the app's.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engineArgs, type EngineChannel, type EngineLauncher } from './engine-protocol.js';

/** The worker's own file: `.ts` when run from source (tsx), `.js` once built. */
export function engineWorkerPath(): string {
  return fileURLToPath(new URL(`./engine-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
}

export function nodeEngineLauncher(workerPath = engineWorkerPath()): EngineLauncher {
  return (start): EngineChannel => {
    const fromSource = workerPath.endsWith('.ts');
    const child = fork(workerPath, engineArgs(start), {
      execArgv: fromSource ? ['--import', 'tsx'] : [],
      // stdout is llama.cpp's; the app keeps its own output clean.
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    return {
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        let told = false;
        const tell = (reason: string) => {
          if (told) return;
          told = true;
          listener(reason);
        };
        child.on('exit', (code, signal) => tell(signal ? `signal ${signal}` : `exit code ${code ?? '?'}${lastLine(stderr)}`));
        child.on('error', (error) => tell(error.message));
      },
      kill: () => {
        child.kill();
      },
    };
  };
}

function lastLine(text: string): string {
  const line = text.trim().split('\n').at(-1);
  return line ? `: ${line}` : '';
}
