/**
 * `switchboard serve` as a user runs it: one line with the base URL once ready,
 * the token on stderr, a working API, and a clean exit on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv } from '../../e2e/harness.js';
import { settingsFor, startFakes, type Fakes } from '../api/api-harness.js';
import { runCli } from './run-cli.js';

const root = join(import.meta.dirname, '..', '..', '..');
let fakes: Fakes;

beforeAll(async () => {
  fakes = await startFakes();
});
afterAll(async () => {
  await Promise.all(Object.values(fakes).map((f) => f.close()));
});

describe('switchboard serve', () => {
  it('prints the API URL, answers through the router, and stops cleanly on SIGINT', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-serve-'));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify(settingsFor(fakes)));
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'cli', 'main.ts'), 'serve', '--port', '0', '--config', config, '--data-dir', dir], {
      cwd: root,
      env: cleanEnv({ SWITCHBOARD_KEYCHAIN_SERVICE: `Switchboard-test-${process.pid}`, OA_KEY: 'sk-oa-secret-key-1234', CLAUDE_KEY: 'sk-ant-secret-key-5678' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += String(d);
        const match = /^Switchboard API: (http:\/\/127\.0\.0\.1:\d+\/v1)\n/.exec(stdout);
        if (match) resolve(match[1] as string);
      });
      void exited.then(() => reject(new Error(`serve exited early: ${stderr}`)));
    });
    // Two pipes: the token line is written first but may be read a moment after the URL line.
    for (let i = 0; i < 100 && !/API token sb-/.test(stderr); i++) await new Promise((r) => setTimeout(r, 20));
    const token = /API token (sb-[A-Za-z0-9_-]+)/.exec(stderr)?.[1];
    expect(token).toBeDefined();
    const reply = await new OpenAI({ baseURL: url, apiKey: token, maxRetries: 0 }).chat.completions.create({
      model: 'switchboard/auto',
      messages: [{ role: 'user', content: 'from the cli' }],
    });
    expect(reply.choices[0]?.message.content).toBe('Echo: from the cli');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a bad --port with a usage error', async () => {
    const run = await runCli(['serve', '--port', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--port must be a number/);
  });
});
