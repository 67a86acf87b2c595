// `npm run switchboard -- <command>`: the CLI, on the same core and settings as the app.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureNativeForNode, root } from './native.mjs';

ensureNativeForNode();
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'cli', 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 0)));
