/**
 * startupToWindowMs for the headless host: from process start to the first
 * contract call answered over its WebSocket, which is when a window could
 * first show something real. The host is bundled like the app's main process,
 * so tsx's on-the-fly compile is not in the figure. Each run gets a fresh data
 * folder, as a first start does; the median of the runs is reported.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import WebSocket from 'ws';

const root = join(import.meta.dirname, '..', '..');

async function bundleHost(): Promise<string> {
  const outfile = join(root, '.tmp', 'bench', 'web-host.mjs');
  await build({ entryPoints: [join(root, 'electron', 'web', 'main.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning' });
  return outfile;
}

function oneStart(entry: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [entry, '--port', '0', '--data-dir', mkdtempSync(join(tmpdir(), 'sb-bench-start-'))], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise<number>((resolve, reject) => {
    let out = '';
    const fail = (why: string) => {
      child.kill();
      reject(new Error(why));
    };
    const timer = setTimeout(() => fail('the host did not answer within 30 s'), 30_000);
    child.on('exit', (code) => fail(`the host exited with ${code}: ${out}`));
    child.stdout.on('data', (chunk: Buffer) => {
      out += String(chunk);
      const url = /Switchboard: (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) return;
      child.stdout.removeAllListeners('data');
      const page = new URL(url);
      const ws = new WebSocket(`ws://${page.host}/ws?token=${page.searchParams.get('token') ?? ''}`);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, name: 'app.info', input: {} })));
      ws.on('message', () => {
        const ms = performance.now() - started;
        clearTimeout(timer);
        ws.close();
        child.removeAllListeners('exit');
        child.kill();
        resolve(ms);
      });
      ws.on('error', (e) => fail(String(e)));
    });
  });
}

export async function runStartup(runs: number): Promise<{ startupToWindowMs: number | null; samplesMs: number[]; note?: string }> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) return { startupToWindowMs: null, samplesMs: [], note: 'renderer not built: run `npm run build` first' };
  const entry = await bundleHost();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await oneStart(entry));
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return { startupToWindowMs: Math.round(median), samplesMs: samples.map((s) => Math.round(s)) };
}
