// `npm run fuzz [-- RUNS]`: the contract fuzz from `npm test`, at 100,000 messages
// by default (npm test runs 10,000). SWITCHBOARD_FUZZ_SEED replays a given seed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './native.mjs';

const runs = process.argv[2] ?? '100000';
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/hostile/contract-fuzz.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SWITCHBOARD_FUZZ_RUNS: runs },
});
process.exit(result.status ?? 1);
