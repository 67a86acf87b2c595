/**
 * Lets node-llama-cpp find a prebuilt package the user downloaded into the data
 * folder: its loader does `import("@node-llama-cpp/linux-x64-cuda")` from its own
 * place in node_modules, where an installer never puts CUDA. A Node resolve hook,
 * registered in the engine process before node-llama-cpp is first imported, maps
 * that name to the downloaded package's entry file.
 *
 * The downloaded copy wins even where node_modules has one too (a developer's
 * checkout): it is the one Settings shows as installed and Remove takes away, and
 * it always matches node-llama-cpp's version, which the loader insists on.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

// Runs on Node's loader thread, so it is a module of its own; a data: URL keeps
// it inside this file in every build (the app's bundle and a run from source).
const HOOK = `
let packages = {};
export function initialize(data) { packages = data.packages; }
export async function resolve(specifier, context, next) {
  const url = packages[specifier];
  return url ? { url, shortCircuit: true } : next(specifier, context);
}
`;

/** `packages`: package name → the entry file to load for it. */
export function registerPackageHook(packages: Record<string, string>): void {
  if (Object.keys(packages).length === 0) return;
  const urls = Object.fromEntries(Object.entries(packages).map(([name, entry]) => [name, pathToFileURL(entry).href]));
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`, { data: { packages: urls } });
}
