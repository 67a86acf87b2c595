// Native modules (keytar) must be built for the runtime that loads them: Electron
// for the desktop app, Node for the CLI, the headless host and the tests. A marker
// file records the current build so switching costs one rebuild, not every start.
// better-sqlite3 is not listed: its Node-API prebuilds load in Node and Electron alike.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const marker = join(root, 'node_modules', '.switchboard-native-runtime');
const NATIVE = ['keytar'];

const current = () => (existsSync(marker) ? readFileSync(marker, 'utf8').trim() : 'node');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  return result.status === 0;
}

export function ensureNativeForNode() {
  if (current() === 'node') return true;
  console.error('Rebuilding native modules for Node…');
  const ok = run('npm', ['rebuild', ...NATIVE]);
  if (ok) writeFileSync(marker, 'node');
  return ok;
}

export function ensureNativeForElectron() {
  if (current() === 'electron') return true;
  console.error('Rebuilding native modules for Electron…');
  const ok = run(process.execPath, [join(root, 'node_modules', 'electron-builder', 'cli.js'), 'install-app-deps']);
  if (ok) writeFileSync(marker, 'electron');
  return ok;
}
