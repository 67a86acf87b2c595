// Electronegativity (Doyensec's Electron security linter) over the built app in out/.
// Fails on any HIGH finding, and on a MEDIUM one of CERTAIN confidence; prints the
// rest, so each is seen and either fixed or known. Part of `npm test`, after the build.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './native.mjs';

const report = join(root, '.tmp', 'electronegativity.csv');
mkdirSync(join(root, '.tmp'), { recursive: true });
const electron = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const cli = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
// -e: the version cannot be detected from a bundle. Offline it also tries to fetch
// Electron's release list, and goes on without it after a timeout.
const input = process.argv[2] ?? join(root, 'out');
const run = spawnSync(process.execPath, [cli, '-i', input, '-o', report, '-r', '-v', 'false', '-e', electron], { cwd: root, encoding: 'utf8' });
if (run.status !== 0) {
  console.error(`electronegativity could not run: ${(run.stderr || run.stdout).trim().split('\n').at(-1)}`);
  process.exit(1);
}

/** One CSV line of quoted and bare fields. */
const fields = (line) => [...line.matchAll(/\s*(?:"((?:[^"]|"")*)"|([^,]*))\s*(?:,|$)/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/""/g, '"')).slice(0, 8);
const findings = readFileSync(report, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((line) => {
    const [issue, severity, confidence, file, location] = fields(line);
    return { issue, severity, confidence, where: `${file}:${location}` };
  });
const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'CRITICAL' || (f.severity === 'MEDIUM' && f.confidence === 'CERTAIN'));
for (const f of findings) console.log(`  ${blocking.includes(f) ? 'FAIL' : 'note'} ${f.severity}/${f.confidence} ${f.issue} at ${f.where}`);
console.log(`electronegativity ${electron}: ${findings.length} findings, ${blocking.length} blocking`);
process.exit(blocking.length > 0 ? 1 : 0);
