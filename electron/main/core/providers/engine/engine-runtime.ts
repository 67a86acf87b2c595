/**
 * Inside the engine process: node-llama-cpp with one model loaded at a time,
 * loaded on the first prompt that names it, and one answer at a time (a queue),
 * since a CPU build gains nothing from running two at once.
 */
import { availableParallelism, freemem } from 'node:os';
import { existsSync } from 'node:fs';
import type { ChatHistoryItem, ChatWrapper, Llama, LlamaContext, LlamaModel } from 'node-llama-cpp';
import type { ErrorKind } from '../../../../../shared/errors.js';
import { fitContextSize } from './context-fit.js';
import type { EngineBackend, EngineStatus, EngineTurn, FromEngine, ToEngine } from './engine-protocol.js';

type Prompt = Extract<ToEngine, { type: 'prompt' }>;

interface Loaded {
  path: string;
  model: LlamaModel;
  context: LlamaContext;
  memoryBytes: number;
  /** Resolved once per model: working it out from the chat template costs tens of ms per answer. */
  chatWrapper: ChatWrapper;
  backend: EngineBackend;
}

// A short system prompt when the conversation has none: without one, chat templates
// fill in their own long default, which a small model then spends its context on.
const DEFAULT_SYSTEM = 'You are a helpful assistant.';

export class EngineFailure extends Error {
  constructor(readonly kind: ErrorKind, message: string) {
    super(message);
  }
}

export interface RuntimeOptions {
  /** The user downloaded node-llama-cpp's CUDA build: try it first, and say so when it does not start. */
  cudaInstalled?: boolean;
}

const GPU_WORDS = { metal: 'the GPU (Metal)', vulkan: 'the GPU (Vulkan)', cuda: 'the GPU (CUDA)' } as const;

export function createEngineRuntime(send: (message: FromEngine) => void, options: RuntimeOptions = {}) {
  let llama: Promise<Llama> | undefined;
  let gpuNote: string | undefined;
  let loaded: Loaded | undefined;
  let tokensPerSec: number | undefined;
  let queue: Promise<void> = Promise.resolve();
  const running = new Map<number, AbortController>();

  // Leave one core to the app: llama.cpp's threads spin while they wait, and on a
  // two-core machine that starves the UI (and slowed generation 1000x in a test run).
  const threads = Math.max(1, Math.min(4, availableParallelism() - 1));

  async function getEngine(): Promise<Llama> {
    // The GPU where its prebuilt binary loads (Metal on Apple silicon, Vulkan where a driver
    // answers, CUDA only if the user added it), else the CPU build: node-llama-cpp tries each
    // and falls back. `build: 'never'`: a missing binary is an error the user can read,
    // never a compile started on their machine.
    llama ??= import('node-llama-cpp').then(async ({ getLlama, LlamaLogLevel }) => {
      const base = { build: 'never', progressLogs: false, logLevel: LlamaLogLevel.error } as const;
      if (!options.cudaInstalled) return getLlama({ ...base, gpu: 'auto' });
      // Asked by name: 'auto' tries CUDA only when it finds the NVIDIA libraries, and then
      // a user who downloaded CUDA support would never learn why it is not used.
      try {
        const cuda = await getLlama({ ...base, gpu: 'cuda' });
        if (cuda.gpu === 'cuda') return cuda;
        await cuda.dispose();
      } catch {
        // Its binary did not load (no NVIDIA driver, no CUDA runtime, no GPU): the note says so.
      }
      const fallback = await getLlama({ ...base, gpu: 'auto' });
      gpuNote = `CUDA support is installed, but no NVIDIA GPU answered; running on ${fallback.gpu === false ? 'the CPU' : GPU_WORDS[fallback.gpu]}`;
      return fallback;
    });
    return llama;
  }

  async function load(path: string): Promise<Loaded> {
    if (loaded?.path === path) return loaded;
    if (loaded) await unload();
    if (!existsSync(path)) throw new EngineFailure('model_not_found', `The model file ${path} does not exist`);
    const engine = await getEngine();
    let model: LlamaModel;
    try {
      // As many layers on the GPU as its free memory holds (none on a CPU build).
      model = await engine.loadModel({ modelPath: path });
    } catch (error) {
      throw new EngineFailure('bad_request', `The built-in engine could not load ${path}: ${messageOf(error)}`);
    }
    const insights = model.fileInsights;
    const bytesFor = (contextSize: number) => {
      const needs = insights.estimateContextResourceRequirements({ contextSize, modelGpuLayers: model.gpuLayers, sequences: 1 });
      return model.size + needs.cpuRam + needs.gpuVram;
    };
    const contextSize = fitContextSize({ trainContext: model.trainContextSize, freeMemoryBytes: freemem(), bytesFor });
    const context = await model.createContext({ contextSize, sequences: 1, threads });
    const { resolveChatWrapper } = await import('node-llama-cpp');
    const backend: EngineBackend = engine.gpu === false || model.gpuLayers === 0 ? 'cpu' : engine.gpu;
    loaded = { path, model, context, memoryBytes: bytesFor(contextSize), chatWrapper: resolveChatWrapper(model), backend };
    return loaded;
  }

  async function unload(): Promise<void> {
    const current = loaded;
    loaded = undefined;
    await current?.context.dispose();
    await current?.model.dispose();
  }

  async function answer(request: Prompt, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    const wasLoaded = loaded?.path === request.modelPath;
    const { context, chatWrapper } = await load(request.modelPath);
    if (!wasLoaded) send({ type: 'loaded', id: request.id, loadMs: performance.now() - started });
    else send({ type: 'loaded', id: request.id, loadMs: 0 });
    const { LlamaChatSession } = await import('node-llama-cpp');
    const sequence = context.getSequence();
    try {
      const { history, prompt, prefix } = toHistory(request.messages);
      const session = new LlamaChatSession({ contextSequence: sequence, autoDisposeSequence: false, chatWrapper });
      session.setChatHistory(history);
      const before = sequence.tokenMeter.getState();
      const genStart = performance.now();
      const result = await session.promptWithMeta(prompt, {
        // A small model can go on without ever ending its turn: no answer outruns its context.
        maxTokens: request.maxTokens ?? context.contextSize,
        temperature: request.temperature ?? 0,
        signal,
        stopOnAbortSignal: true,
        ...(prefix ? { responsePrefix: prefix } : {}),
        onTextChunk: (text) => send({ type: 'text', id: request.id, text }),
      });
      const used = sequence.tokenMeter.diff(before);
      const seconds = (performance.now() - genStart) / 1000;
      if (used.usedOutputTokens > 0 && seconds > 0) tokensPerSec = used.usedOutputTokens / seconds;
      send({
        type: 'done',
        id: request.id,
        usage: { inputTokens: used.usedInputTokens, outputTokens: used.usedOutputTokens },
        finishReason: result.stopReason,
      });
      session.dispose({ disposeSequence: false });
    } finally {
      sequence.dispose();
    }
  }

  function status(): EngineStatus {
    return loaded
      ? { loaded: true, modelPath: loaded.path, backend: loaded.backend, memoryBytes: loaded.memoryBytes, contextSize: loaded.context.contextSize, ...(tokensPerSec ? { tokensPerSec } : {}), ...(gpuNote ? { gpuNote } : {}) }
      : { loaded: false, ...(gpuNote ? { gpuNote } : {}) };
  }

  function handle(message: ToEngine): void {
    if (message.type === 'status') return send({ type: 'status', status: status() });
    if (message.type === 'cancel') return running.get(message.id)?.abort();
    const controller = new AbortController();
    running.set(message.id, controller);
    queue = queue.then(async () => {
      try {
        if (controller.signal.aborted) throw new EngineFailure('cancelled', 'Stopped by the user');
        await answer(message, controller.signal);
      } catch (error) {
        send({ type: 'error', id: message.id, ...failureOf(error) });
      } finally {
        running.delete(message.id);
      }
    });
  }

  return { handle, unload };
}

/** System turns become the system prompt; a trailing assistant turn is a prefill to continue. */
export function toHistory(turns: EngineTurn[]): { history: ChatHistoryItem[]; prompt: string; prefix?: string } {
  const system = turns.filter((t) => t.role === 'system').map((t) => t.content).join('\n\n') || DEFAULT_SYSTEM;
  const rest = turns.filter((t) => t.role !== 'system');
  const prefix = rest.at(-1)?.role === 'assistant' ? rest.pop()?.content : undefined;
  const last = rest.at(-1);
  const prompt = last?.role === 'user' ? (rest.pop()?.content ?? '') : '';
  const history: ChatHistoryItem[] = [{ type: 'system', text: system }];
  for (const t of rest) history.push(t.role === 'user' ? { type: 'user', text: t.content } : { type: 'model', response: [t.content] });
  return { history, prompt, ...(prefix ? { prefix } : {}) };
}

function failureOf(error: unknown): { kind: ErrorKind; message: string } {
  if (error instanceof EngineFailure) return { kind: error.kind, message: error.message };
  const message = messageOf(error);
  // node-llama-cpp's words when the prompt does not fit the context.
  if (/context size|too long|exceeds the context/i.test(message)) return { kind: 'context_length', message };
  return { kind: 'server', message: `The built-in engine failed: ${message}` };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
