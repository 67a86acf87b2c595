/**
 * Test doubles for the router: a clock that only moves when told, and an adapter
 * that plays a script per call (events, waits on the fake clock, ProviderErrors,
 * stalls until aborted) under the same stream guard real adapters use.
 */
import { ProviderError, type ProviderErrorInit } from '../../../electron/main/core/providers/provider-error.js';
import { guardStream } from '../../../electron/main/core/providers/stream-guard.js';
import type { ChatRequest, ProviderAdapter, RateLimitSnapshot, StreamEvent } from '../../../electron/main/core/providers/types.js';
import { createRouter } from '../../../electron/main/core/router/router.js';
import { createMemoryStateStore, type RouterStateStore } from '../../../electron/main/core/router/state.js';
import type { AttemptLedger, Clock, PriceFn, Router, RouterDeps } from '../../../electron/main/core/router/types.js';
import type { Notice } from '../../../shared/contract/calls-settings.js';
import { type Settings, SettingsSchema, type SettingsInput } from '../../../shared/settings.js';
import type { Usage } from '../../../shared/chat.js';

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
}

async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private timers: Timer[] = [];
  private seq = 0;
  constructor(private t: number) {}

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((x) => x !== timer);
    };
  }

  private takeNext(limit: number): Timer | undefined {
    const next = [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
    if (!next || next.at > limit) return undefined;
    this.timers = this.timers.filter((x) => x !== next);
    return next;
  }

  /** Moves time forward, firing due timers in order and letting promises settle in between. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms;
    for (;;) {
      await flush();
      const next = this.takeNext(target);
      if (!next) break;
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = target;
    await flush();
  }

  /** Fires timers one by one until the promise settles; fails instead of hanging. */
  async drive<T>(promise: Promise<T>, limitMs = 3_600_000): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    const end = this.t + limitMs;
    for (;;) {
      await flush();
      if (settled) return promise;
      const next = this.takeNext(end);
      if (!next) throw new Error('the route hangs: no timer left and the promise is still pending');
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
  }
}

export type Step =
  | { open: { requestId?: string; rateLimit?: RateLimitSnapshot } }
  | { text: string }
  | { wait: number }
  | { done: Usage | null }
  | { fail: Omit<ProviderErrorInit, 'provider' | 'message'> & { message?: string } }
  | { stall: true }
  | { end: true };

export const ok = (text: string, usage: Usage = { inputTokens: 10, outputTokens: 5 }): Step[] => [
  { open: {} },
  { text },
  { done: usage },
];
export const fail = (kind: ProviderErrorInit['kind'], extra: Partial<ProviderErrorInit> = {}): Step[] => [{ fail: { kind, ...extra } }];

export interface FakeAdapter extends ProviderAdapter {
  requests: ChatRequest[];
  /** Per call, the signal its request would be sent with (the guard aborts it on timeout and cancel). */
  signals: AbortSignal[];
  probes: number;
  /** Scripts for the next calls; the last one repeats. */
  script: Step[][];
  probeResults: boolean[];
}

export function fakeAdapter(
  id: string,
  clock: FakeClock,
  script: Step[][],
  kind: ProviderAdapter['kind'] = 'openai',
  continuation: ProviderAdapter['continuation'] = 'native',
): FakeAdapter {
  const adapter: FakeAdapter = {
    id,
    kind,
    continuation,
    requests: [],
    signals: [],
    probes: 0,
    script,
    probeResults: [],
    // Guarded like every real adapter (assembleAdapter): timeouts on the fake clock, abort ends it at once.
    stream(request, options) {
      const steps = adapter.script[Math.min(adapter.requests.length, adapter.script.length - 1)] ?? [];
      adapter.requests.push(request);
      return guardStream((signal) => {
        // The signal the guard aborts on timeout or cancel: what a real request would be sent with.
        adapter.signals.push(signal);
        return play(id, clock, steps, signal);
      }, { provider: id, timeouts: options.timeouts, signal: options.signal, clock });
    },
    complete: () => Promise.reject(new Error('not used by the router')),
    listModels: () => Promise.resolve({ models: [], source: 'live' as const }),
    probe: () => {
      adapter.probes += 1;
      const okNow = adapter.probeResults.shift() ?? true;
      return Promise.resolve({ provider: id, ok: okNow, latencyMs: 5 });
    },
  };
  return adapter;
}

async function* play(id: string, clock: FakeClock, steps: Step[], signal: AbortSignal): AsyncGenerator<StreamEvent> {
  for (const step of steps) {
    if (signal.aborted) throw new ProviderError({ kind: 'cancelled', provider: id, message: 'aborted' });
    if ('open' in step) yield { type: 'open', ...step.open } satisfies StreamEvent;
    else if ('text' in step) yield { type: 'text', text: step.text } satisfies StreamEvent;
    else if ('done' in step) {
      yield step.done ? { type: 'done', usage: step.done } : { type: 'done' };
    } else if ('wait' in step) await sleep(clock, step.wait, signal);
    else if ('fail' in step) throw new ProviderError({ provider: id, message: step.fail.message ?? `${step.fail.kind} from ${id}`, ...step.fail });
    else if ('stall' in step) {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      throw new ProviderError({ kind: 'cancelled', provider: id, message: 'aborted' });
    } else return;
  }
}

function sleep(clock: FakeClock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const cancel = clock.setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      cancel();
      resolve();
    }, { once: true });
  });
}

/** A seeded generator, so weighted choices are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeSettings(ids: string[], extra: Partial<SettingsInput> = {}): Settings {
  return SettingsSchema.parse({
    providers: [
      ...ids.map((id) => ({ id, kind: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1', models: [`${id}-model`] })),
      { id: 'local', kind: 'ollama', baseURL: 'http://127.0.0.1:11434', models: ['llama3.2'] },
    ],
    routes: { general: ids.map((id) => ({ provider: id, model: `${id}-model` })) },
    localFallback: { provider: 'local', model: 'llama3.2' },
    ...extra,
  });
}

export interface Harness {
  clock: FakeClock;
  adapters: Record<string, FakeAdapter>;
  settings: Settings;
  router: Router;
  store: RouterStateStore;
  notices: Notice[];
  online: { value: boolean };
  deps: RouterDeps;
  /** Sends one message and drives the clock until it is answered or failed. */
  send(text?: string, extra?: Partial<Parameters<Router['route']>[0]>, signal?: AbortSignal): Promise<Awaited<ReturnType<Router['route']>>>;
  texts: string[];
  fallbacks: { from: string; to: string; reason: string }[];
}

/** Local midday, so day boundaries are far unless a test moves there. */
export const T0 = new Date(2026, 2, 10, 12, 0, 0).getTime();

export function harness(options: {
  scripts: Record<string, Step[][]>;
  settings?: Settings;
  clock?: FakeClock;
  store?: RouterStateStore;
  ledger?: AttemptLedger;
  price?: PriceFn;
  random?: () => number;
  /** How each provider continues a cut answer; `native` unless named. */
  continuation?: Record<string, ProviderAdapter['continuation']>;
}): Harness {
  const clock = options.clock ?? new FakeClock(T0);
  const adapters: Record<string, FakeAdapter> = {};
  for (const [id, script] of Object.entries(options.scripts)) {
    adapters[id] = fakeAdapter(id, clock, script, id === 'local' ? 'ollama' : 'openai-compatible', options.continuation?.[id]);
  }
  const ids = Object.keys(options.scripts).filter((id) => id !== 'local');
  const settings = options.settings ?? makeSettings(ids);
  const store = options.store ?? createMemoryStateStore();
  const notices: Notice[] = [];
  const online = { value: true };
  const deps: RouterDeps = {
    clock,
    random: options.random ?? seeded(1),
    settings: () => h.settings,
    adapter: (id) => adapters[id] ?? { unavailable: 'no key' },
    online: () => online.value,
    price: options.price,
    state: store,
    ...(options.ledger ? { ledger: options.ledger } : {}),
    onNotice: (n) => notices.push(n),
  };
  const h: Harness = {
    clock,
    adapters,
    settings,
    router: createRouter(deps),
    store,
    notices,
    online,
    deps,
    texts: [],
    fallbacks: [],
    send: (text = 'hello there', extra = {}, signal = new AbortController().signal) =>
      clock.drive(
        h.router.route(
          { conversationId: 'c1', messages: [{ role: 'user', content: text }], taskChoice: 'general', ...extra },
          { onText: (t) => h.texts.push(t), onFallback: (f) => h.fallbacks.push(f) },
          signal,
        ),
      ),
  };
  return h;
}
