// `npm start`: build, make native modules fit Electron, and launch the desktop app.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureNativeForElectron, root } from './native.mjs';

const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
if (!ensureNativeForElectron()) {
  console.error('Could not rebuild native modules for Electron; see the README (prerequisites).');
  process.exit(1);
}
const build = spawnSync(process.execPath, [electronVite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(process.execPath, [electronVite, 'preview', '--skipBuild'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
