/**
 * The engine process's entry. It runs as a Node child process (`process.send`)
 * or an Electron utilityProcess (`process.parentPort`); nothing here imports
 * electron, so both hosts run this same file.
 */
import { createEngineRuntime } from './engine-runtime.js';
import { packagesFromArgs, type FromEngine, type ToEngine } from './engine-protocol.js';
import { registerPackageHook } from './package-hook.js';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

const send = (message: FromEngine): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};

// Before anything imports node-llama-cpp (the runtime does so on the first prompt).
const packages = packagesFromArgs(process.argv);
registerPackageHook(packages);
const runtime = createEngineRuntime(send, { cudaInstalled: Object.keys(packages).some((name) => name.endsWith('-cuda')) });
const receive = (message: unknown): void => {
  if (typeof message === 'object' && message !== null && 'type' in message) runtime.handle(message as ToEngine);
};

if (parentPort) parentPort.on('message', (event) => receive(event.data));
else process.on('message', receive);
// The app went away (or cut the channel): nothing will ask for an answer again.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
