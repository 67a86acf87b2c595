// `npm test`: type check, lint, unit + integration tests, then end-to-end tests
// in Chromium against the headless host. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNativeForNode, root } from './native.mjs';

const bin = (name, ...path) => join(root, 'node_modules', name, ...path);
const reports = join(root, '.tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  { name: 'type check', args: [bin('typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', args: [bin('eslint', 'bin', 'eslint.js'), '.', '--max-warnings=0'] },
  {
    name: 'unit and integration tests',
    args: [bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'unit.json')}`],
  },
  { name: 'build', args: [bin('electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'] },
  { name: 'electronegativity', args: [join(root, 'scripts', 'electronegativity.mjs')] },
  {
    name: 'end-to-end tests',
    args: [bin('vitest', 'vitest.mjs'), 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'e2e.json')}`],
  },
];

if (!ensureNativeForNode()) process.exit(1);
let failedStep;
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, step.args, { cwd: root, stdio: 'inherit' });
  console.log(`  ${step.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) {
    failedStep = step.name;
    if (!step.name.includes('tests')) break;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['unit.json', 'e2e.json']) {
  const path = join(reports, file);
  if (!existsSync(path)) continue;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
if (failedStep && failed === 0) failed = 1; // a failed type check or lint counts
console.log(`\n${failedStep ? `failed at: ${failedStep}` : 'all steps passed'}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedStep ? 1 : 0);
