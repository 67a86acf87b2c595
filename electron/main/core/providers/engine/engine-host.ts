/**
 * The app's side of the engine: starts the engine process on the first prompt,
 * passes each answer's events back as a stream, and ends the process after a
 * quiet spell, which frees all the memory the model took. A crash fails the
 * answers in flight with the engine's words; the next prompt starts it again.
 */
import type { Clock } from '../../clock.js';
import { ProviderError } from '../provider-error.js';
import { isFromEngine, type EngineChannel, type EngineLauncher, type EngineStatus, type FromEngine, type ToEngine } from './engine-protocol.js';

type PromptRequest = Omit<Extract<ToEngine, { type: 'prompt' }>, 'type' | 'id'>;
export type EngineEvent = Extract<FromEngine, { type: 'loaded' | 'text' | 'done' }>;

export interface EngineHostOptions {
  launch: EngineLauncher;
  clock: Clock;
  /** The provider id errors carry. */
  provider: string;
  /** How long the model stays loaded after the last answer. */
  idleUnloadMs: number;
}

export interface EngineHost {
  prompt(request: PromptRequest, signal: AbortSignal): AsyncIterable<EngineEvent>;
  /** What the health panel shows; "not loaded" without starting the engine. */
  status(): Promise<EngineStatus>;
  /** Ends the engine process now (quit, or the user asked). */
  close(): void;
  /** The engine's binaries changed (CUDA support came or went): end the process once no answer is running, so the next answer starts one that loads them. */
  restart(): void;
}

interface Waiting {
  push(event: FromEngine): void;
  fail(error: ProviderError): void;
}

const STATUS_WAIT_MS = 2000;

export function createEngineHost(options: EngineHostOptions): EngineHost {
  let channel: EngineChannel | undefined;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const statusWaiters: Array<(status: EngineStatus) => void> = [];
  let cancelIdle: (() => void) | undefined;
  let stale = false;

  function start(): EngineChannel {
    if (channel) return channel;
    const started = options.launch();
    channel = started;
    started.onMessage((message) => {
      if (!isFromEngine(message)) return;
      if (message.type === 'status') statusWaiters.splice(0).forEach((resolve) => resolve(message.status));
      else if (message.type !== 'ready') waiting.get(message.id)?.push(message);
    });
    started.onExit((reason) => {
      if (channel !== started) return;
      channel = undefined;
      const failure = new ProviderError({ kind: 'server', provider: options.provider, message: `The built-in engine stopped (${reason})` });
      for (const w of waiting.values()) w.fail(failure);
      waiting.clear();
      statusWaiters.splice(0).forEach((resolve) => resolve({ loaded: false }));
    });
    return started;
  }

  function stop(): void {
    stale = false;
    cancelIdle?.();
    cancelIdle = undefined;
    const current = channel;
    channel = undefined;
    current?.kill();
  }

  function armIdle(): void {
    if (stale && waiting.size === 0) return stop();
    cancelIdle?.();
    cancelIdle = waiting.size === 0 ? options.clock.setTimeout(stop, options.idleUnloadMs, { unref: true }) : undefined;
  }

  async function* prompt(request: PromptRequest, signal: AbortSignal): AsyncGenerator<EngineEvent> {
    cancelIdle?.();
    const id = nextId++;
    const engine = start();
    const events: FromEngine[] = [];
    let failed: ProviderError | undefined;
    let wake: (() => void) | undefined;
    let settled = false;
    waiting.set(id, {
      push: (event) => (events.push(event), wake?.()),
      fail: (error) => ((failed = error), wake?.()),
    });
    const onAbort = () => engine.send({ type: 'cancel', id });
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      engine.send({ type: 'prompt', id, ...request });
      for (;;) {
        while (events.length === 0 && !failed) await new Promise<void>((resolve) => (wake = resolve));
        const event = events.shift();
        if (!event) throw failed;
        if (event.type === 'error' || event.type === 'done') settled = true;
        if (event.type === 'error') throw new ProviderError({ kind: event.kind, provider: options.provider, message: event.message });
        if (event.type === 'status' || event.type === 'ready') continue;
        yield event;
        if (event.type === 'done') return;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      // Left early (cancel, timeout, a consumer that stopped reading): the engine stops too.
      waiting.delete(id);
      if (!settled && !failed && channel === engine) engine.send({ type: 'cancel', id });
      armIdle();
    }
  }

  async function status(): Promise<EngineStatus> {
    if (!channel) return { loaded: false };
    const engine = channel;
    return new Promise((resolve) => {
      const cancel = options.clock.setTimeout(() => resolve({ loaded: false }), STATUS_WAIT_MS, { unref: true });
      statusWaiters.push((s) => (cancel(), resolve(s)));
      engine.send({ type: 'status' });
    });
  }

  function restart(): void {
    stale = channel !== undefined;
    if (waiting.size === 0) stop();
  }

  return { prompt, status, close: stop, restart };
}
