/** Runs host-writer.ts (the core as a host runs it) in its own process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { cleanEnv } from '../e2e/harness.js';

const root = join(import.meta.dirname, '..', '..');

export function spawnHost(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'host-writer.ts'), ...args], {
    cwd: root,
    env: cleanEnv({ SWITCHBOARD_KEYCHAIN_SERVICE: `Switchboard-test-${process.pid}`, ...env }),
  });
}

export function runHost(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnHost(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += String(d)));
    child.stderr?.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
