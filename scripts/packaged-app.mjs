// Prints where electron-builder put this OS's unpacked app (for `@electron/fuses read --app`),
// or with --executable the binary inside it (for the smoke test). Used by the release workflow.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './native.mjs';

const dist = join(root, 'dist');
const dirs = existsSync(dist) ? readdirSync(dist) : [];
const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
const pick = (...names) => names.map((n) => join(dist, n)).find((p) => existsSync(p));

let app;
let executable;
if (process.platform === 'darwin') {
  const dir = pick(`mac-${arch}`, 'mac', ...dirs.filter((d) => d.startsWith('mac')));
  app = dir && join(dir, 'Switchboard.app');
  executable = app && join(app, 'Contents', 'MacOS', 'Switchboard');
} else if (process.platform === 'win32') {
  app = pick(arch === 'arm64' ? 'win-arm64-unpacked' : 'win-unpacked', 'win-unpacked');
  executable = app && join(app, 'Switchboard.exe');
} else {
  app = pick(arch === 'arm64' ? 'linux-arm64-unpacked' : 'linux-unpacked', 'linux-unpacked');
  executable = app && join(app, 'switchboard');
}
const wanted = process.argv.includes('--executable') ? executable : process.platform === 'darwin' ? app : executable;
if (!wanted || !existsSync(wanted)) {
  console.error(`packaged-app: no packaged app under ${dist} (found: ${dirs.join(', ') || 'nothing'})`);
  process.exit(1);
}
console.log(wanted);
