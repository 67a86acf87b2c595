// `npm start`: fetch the Electron binary if this install has none yet, make native
// modules fit Electron, build, and launch the desktop app.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureNativeForElectron, root } from './native.mjs';

function fail(message) {
  console.error(`switchboard: ${message}`);
  process.exit(1);
}

// Electron downloads its binary the first time `electron` is required from Node;
// electron-vite only looks for it, so ask for it first.
const fetchBinary = spawnSync(process.execPath, ['-e', "require('electron')"], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
if (fetchBinary.status !== 0) {
  const reason = (fetchBinary.stderr ?? '').split('\n').find((line) => /error/i.test(line))?.trim();
  fail(
    `the Electron binary could not be downloaded${reason ? ` (${reason})` : ''}. ` +
      'Check your connection and run `npm start` again; `npm run web` runs the app in a browser without Electron.',
  );
}

if (!ensureNativeForElectron()) fail('could not rebuild native modules for Electron; see the README (prerequisites).');

const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const build = spawnSync(process.execPath, [electronVite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(process.execPath, [electronVite, 'preview', '--skipBuild'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
