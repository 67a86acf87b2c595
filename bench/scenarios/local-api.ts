/**
 * The local API's added latency, by the llm-gateway-bench method: the same
 * OpenAI SDK request to the fake provider directly and through Switchboard's
 * API (which routes `switchboard/auto` to that same fake), sequential requests,
 * direct and through-API rounds interleaved, after a warm-up; the figure is the
 * median of the through-API round medians minus the median of the direct round
 * medians. Measured twice: whole non-streamed requests, and streamed time to
 * first token. The p95 is the pooled through-API p95 minus the direct one.
 * As in that method, the mock upstream is a process of its own: in this one it
 * would take turns on one event loop with the API and add its own work to the
 * through-API path. The router always streams from the provider, so a whole
 * (non-streamed) request through the API reads a streamed upstream answer.
 *
 * A third side is the floor any gateway written in Node pays on this machine:
 * a bare node:http proxy that forwards the body with fetch and pipes the
 * answer back, with no parsing, routing or SDK. What the API adds above it is
 * Switchboard's own cost; the rest is one more loopback hop through Node.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import OpenAI from 'openai';
import { startApiServer } from '../../electron/api/server.js';
import { BUILTIN_TASK_TYPES } from '../../shared/task-types.js';
import { createMemoryStateStore } from '../../electron/main/core/router/index.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { FakeProvider } from '../../tests/fake-provider/index.js';
import { BENCH_KEY, benchRouter, benchSettings, MODEL, type BenchRouterOptions } from '../setup.js';
import { ms, percentile } from '../stats.js';

const WIRE_PROMPT = [{ role: 'user' as const, content: 'Say hello to the benchmark, please.' }];
const TOKEN = 'sb-bench-token';

export interface LocalApiSamples {
  /** Per round, the requests' times in ms; even rounds direct, odd through the API. */
  completeDirect: number[][];
  completeApi: number[][];
  ttftDirect: number[][];
  ttftApi: number[][];
  completeBare: number[][];
  ttftBare: number[][];
}

/** A pass-through proxy with nothing of a gateway in it: the floor of one more hop through Node. */
async function bareProxy(upstream: string): Promise<{ server: Server; baseURL: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void fetch(`${upstream}${(req.url ?? '/').replace(/^\/v1/, '')}`, {
        method: req.method ?? 'POST',
        headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' },
        body: Buffer.concat(chunks),
      }).then((answer) => {
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        if (answer.body) Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream).pipe(res);
        else res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` };
}

async function complete(client: OpenAI, model: string): Promise<number> {
  const started = performance.now();
  const reply = await client.chat.completions.create({ model, messages: WIRE_PROMPT });
  const took = performance.now() - started;
  if (!reply.choices[0]?.message.content) throw new Error('no answer');
  return took;
}

async function firstToken(client: OpenAI, model: string): Promise<number> {
  const started = performance.now();
  const stream = await client.chat.completions.create({ model, messages: WIRE_PROMPT, stream: true, stream_options: { include_usage: true } });
  let ttft: number | undefined;
  for await (const chunk of stream) {
    if (chunk.choices[0]?.delta?.content) ttft ??= performance.now() - started;
  }
  if (ttft === undefined) throw new Error('no text');
  return ttft;
}

async function round(size: number, request: () => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < size; i++) times.push(await request());
  return times;
}

/** The fake provider's CLI in a child process; resolves with its base URL once it listens. */
function separateUpstream(): Promise<{ child: ChildProcess; baseURL: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('tests', 'fake-provider', 'cli.ts'), '--protocol', 'openai', '--port', '0', '--api-key', BENCH_KEY], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve({ child, baseURL: `${match[1]}/v1` });
    });
    child.once('exit', (code) => reject(new Error(`the fake provider exited with ${code}`)));
  });
}

export async function runLocalApi(warmup: number, rounds: number, size: number): Promise<LocalApiSamples> {
  const upstream = await separateUpstream();
  // Only its base URL is read to build the router's settings.
  const fake = { baseURL: upstream.baseURL } as FakeProvider;
  const dir = mkdtempSync(join(tmpdir(), 'sb-bench-api-'));
  const options: BenchRouterOptions = {
    providers: [{ id: 'openai', kind: 'openai', fake }],
    routes: { general: ['openai'] },
    state: createMemoryStateStore(),
  };
  const settings = benchSettings(options);
  const router = benchRouter(options);
  const api = await startApiServer({
    core: { router, settings: () => settings, taskTypes: () => [...BUILTIN_TASK_TYPES], scrub: (t) => t },
    port: 0,
    token: () => TOKEN,
    allowedOrigins: () => [],
  });
  const bare = await bareProxy(fake.baseURL);
  const direct = new OpenAI({ baseURL: fake.baseURL, apiKey: BENCH_KEY, maxRetries: 0 });
  const viaBare = new OpenAI({ baseURL: bare.baseURL, apiKey: BENCH_KEY, maxRetries: 0 });
  const through = new OpenAI({ baseURL: api.url, apiKey: TOKEN, maxRetries: 0 });
  const kinds = {
    completeDirect: () => complete(direct, MODEL),
    completeApi: () => complete(through, 'switchboard/auto'),
    ttftDirect: () => firstToken(direct, MODEL),
    ttftApi: () => firstToken(through, 'switchboard/auto'),
    completeBare: () => complete(viaBare, MODEL),
    ttftBare: () => firstToken(viaBare, MODEL),
  };
  try {
    for (let i = 0; i < warmup; i++) for (const run of Object.values(kinds)) await run();
    const samples: LocalApiSamples = { completeDirect: [], completeApi: [], ttftDirect: [], ttftApi: [], completeBare: [], ttftBare: [] };
    for (let r = 0; r < rounds; r++) {
      // Alternate which side goes first, so neither always follows the other.
      const order: (keyof LocalApiSamples)[][] =
        r % 2 === 0
          ? [['completeDirect', 'completeApi', 'completeBare'], ['ttftDirect', 'ttftApi', 'ttftBare']]
          : [['completeBare', 'completeApi', 'completeDirect'], ['ttftBare', 'ttftApi', 'ttftDirect']];
      for (const pair of order) for (const kind of pair) samples[kind].push(await round(size, kinds[kind]));
    }
    return samples;
  } finally {
    await api.close();
    await new Promise((resolve) => bare.server.close(resolve));
    await router.state.flush();
    upstream.child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => percentile(values, 50);

function overhead(direct: number[][], api: number[][]) {
  const medianOfMedians = (rounds: number[][]) => median(rounds.map(median));
  return {
    p50: ms(medianOfMedians(api) - medianOfMedians(direct)),
    p95: ms(percentile(api.flat(), 95) - percentile(direct.flat(), 95)),
    directP50: ms(medianOfMedians(direct)),
    apiP50: ms(medianOfMedians(api)),
  };
}

export function localApiMetrics(s: LocalApiSamples) {
  const complete = overhead(s.completeDirect, s.completeApi);
  const ttft = overhead(s.ttftDirect, s.ttftApi);
  const bareComplete = overhead(s.completeDirect, s.completeBare);
  const bareTtft = overhead(s.ttftDirect, s.ttftBare);
  return {
    /** The floor: a bare Node pass-through proxy against direct. */
    bareNodeProxyOverheadMsP50: bareComplete.p50,
    bareNodeProxyTtftOverheadMsP50: bareTtft.p50,
    /** What the API adds above that floor: Switchboard's own share. */
    localApiAboveBareProxyMsP50: ms(complete.p50 - bareComplete.p50),
    localApiTtftAboveBareProxyMsP50: ms(ttft.p50 - bareTtft.p50),
    localApiOverheadMsP50: complete.p50,
    localApiOverheadMsP95: complete.p95,
    localApiTtftOverheadMsP50: ttft.p50,
    localApiTtftOverheadMsP95: ttft.p95,
    complete,
    ttft,
    rounds: s.completeDirect.length,
    roundSize: s.completeDirect[0]?.length ?? 0,
  };
}
