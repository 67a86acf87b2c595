/**
 * Run as its own process (`node --import tsx cuda-hook-child.ts <name> <entry>`):
 * registers the engine's package hook as the engine process does, then asks
 * node-llama-cpp itself for its CUDA build, and prints what happened as JSON.
 */
import { registerPackageHook } from '../../electron/main/core/providers/engine/package-hook.js';

const [name, entry] = process.argv.slice(2);
if (!name || !entry) throw new Error('usage: cuda-hook-child.ts <package name> <entry file>');
registerPackageHook({ [name]: entry });
const resolved = import.meta.resolve(name);
const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
let loaded: string;
try {
  const llama = await getLlama({ gpu: 'cuda', build: 'never', progressLogs: false, logLevel: LlamaLogLevel.disabled });
  loaded = String(llama.gpu);
} catch (error) {
  loaded = `failed: ${(error as Error).name}`;
}
process.stdout.write(JSON.stringify({ resolved, loaded }));
