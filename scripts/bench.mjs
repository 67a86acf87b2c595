// `npm run bench`: bundles bench/run.ts the way the app's main process is built
// (esbuild, packages left in node_modules) and runs the bundle. Running through
// tsx instead would measure its development transform, which wraps every
// function the router creates per message in a name-keeping helper that the
// shipped app does not have.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Not under out/: electron-builder packs all of out/, and the bench bundles the fake provider.
const outfile = join(root, '.tmp', 'bench', 'run.mjs');

// The UI figures are taken on the renderer as it ships, so build it first.
const built = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

await build({
  entryPoints: [join(root, 'bench', 'run.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

const child = spawn(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
