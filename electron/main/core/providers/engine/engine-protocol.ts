/**
 * The messages between the app and the engine process. The engine runs
 * node-llama-cpp out of the main process (a child process in Node hosts, a
 * utilityProcess in Electron), so a crash or a long model load never blocks the UI.
 */
import type { ErrorKind } from '../../../../../shared/errors.js';
import type { Usage } from '../../../../../shared/chat.js';

export interface EngineTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type ToEngine =
  | {
      type: 'prompt';
      id: number;
      modelPath: string;
      messages: EngineTurn[];
      maxTokens?: number;
      temperature?: number;
    }
  | { type: 'cancel'; id: number }
  | { type: 'status' };

/** Where the loaded model runs: the CPU build, or the GPU backend node-llama-cpp found. */
export type EngineBackend = 'cpu' | 'metal' | 'vulkan' | 'cuda';

export interface EngineStatus {
  loaded: boolean;
  modelPath?: string;
  backend?: EngineBackend;
  /** Memory the model and its context take, as node-llama-cpp estimates it. */
  memoryBytes?: number;
  contextSize?: number;
  /** Generation speed of the last answer. */
  tokensPerSec?: number;
  /** Why the engine is not on the GPU the user added support for (CUDA installed, no NVIDIA GPU answered). */
  gpuNote?: string;
}

export type FromEngine =
  | { type: 'ready' }
  | { type: 'loaded'; id: number; loadMs: number }
  | { type: 'text'; id: number; text: string }
  | { type: 'done'; id: number; usage: Usage; finishReason: string }
  | { type: 'error'; id: number; kind: ErrorKind; message: string }
  | { type: 'status'; status: EngineStatus };

/** The app's end of the engine process, whatever kind of process it is. */
export interface EngineChannel {
  send(message: ToEngine): void;
  /** Raw: the host checks each message, since it crossed a process boundary. */
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process ends, for whatever reason. */
  onExit(listener: (reason: string) => void): void;
  kill(): void;
}

/**
 * What an engine process starts with: packages node-llama-cpp imports by name
 * that live outside node_modules (the CUDA build the user downloaded), as
 * package name → the entry file to load for it.
 */
export interface EngineStart {
  packages?: Record<string, string>;
}

/** The worker's command line for a start: one `--package=<name>=<entry file>` per package. */
export function engineArgs(start: EngineStart = {}): string[] {
  return Object.entries(start.packages ?? {}).map(([name, entry]) => `--package=${name}=${entry}`);
}

/** The reverse of `engineArgs`, in the engine process. */
export function packagesFromArgs(argv: readonly string[]): Record<string, string> {
  const packages: Record<string, string> = {};
  for (const arg of argv) {
    const match = /^--package=(@?[^=]+)=(.+)$/.exec(arg);
    if (match?.[1] && match[2]) packages[match[1]] = match[2];
  }
  return packages;
}

/** Starts an engine process; each host supplies its own kind. */
export type EngineLauncher = (start?: EngineStart) => EngineChannel;

/** Messages come from our own process, but across a process boundary: check the shape. */
export function isFromEngine(value: unknown): value is FromEngine {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && ['ready', 'loaded', 'text', 'done', 'error', 'status'].includes(type);
}
