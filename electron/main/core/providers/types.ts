/**
 * What every provider adapter offers the core. Adapters do the I/O on the official
 * SDKs; the router decides. All failures are thrown as ProviderError.
 */
import type { ModelList, ProbeResult } from '../../../../shared/providers.js';
import type { ProviderKind } from '../../../../shared/settings.js';
import type { ContinuationMethod, Usage } from '../../../../shared/chat.js';
import type { EngineAdapterDeps } from './engine/engine-adapter.js';

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** An assistant turn that asked for tools (its `content` may be empty). */
  toolCalls?: ToolCall[];
  /** A `tool` turn: the result for the call with this id (and, for Ollama, its name). */
  toolCallId?: string;
  toolName?: string;
}

/** A function the caller offers the model; `parameters` is its JSON Schema. */
export interface ToolSpec {
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
}

/** One finished tool call: `arguments` is JSON text, as OpenAI carries it. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

export interface ChatRequest {
  model: string;
  messages: ChatTurn[];
  maxTokens?: number;
  temperature?: number;
  /**
   * Text already shown to the user from an attempt that failed mid-stream. The
   * adapter asks the model to continue it exactly, with no repeated text.
   */
  continueFrom?: string;
  tools?: ToolSpec[];
  toolChoice?: ToolChoice;
}

/** Remaining budget as the provider last reported it in response headers. */
export interface RateLimitSnapshot {
  remainingRequests?: number;
  remainingTokens?: number;
  limitRequests?: number;
  limitTokens?: number;
  /** Epoch ms when the request/token budget resets. */
  resetRequestsAt?: number;
  resetTokensAt?: number;
}

export interface StreamTimeouts {
  /** Until response headers arrive. */
  connectMs: number;
  /** From headers to the first text. */
  firstTokenMs: number;
  /** Longest silence between two chunks once text flows. */
  idleMs: number;
}

export type StreamEvent =
  | { type: 'open'; requestId?: string; rateLimit?: RateLimitSnapshot }
  | { type: 'text'; text: string }
  /** Emitted whole, once its arguments are complete, so a cut stream never passes on half a call. */
  | { type: 'tool_call'; call: ToolCall }
  | { type: 'done'; usage?: Usage; finishReason?: string; requestId?: string };

export interface CallOptions {
  signal: AbortSignal;
  timeouts: StreamTimeouts;
}

export interface CompletionResult {
  text: string;
  toolCalls?: ToolCall[];
  usage?: Usage;
  finishReason?: string;
  requestId?: string;
  rateLimit?: RateLimitSnapshot;
}

export interface ProviderAdapter {
  readonly id: string;
  readonly kind: ProviderKind;
  /** How a request with `continueFrom` asks this host to carry on (the trace names it). */
  readonly continuation: ContinuationMethod;
  /**
   * Streams one answer. Yields `open` once headers arrive, text as it comes, then
   * `done`. Enforces `timeouts` on the adapter's clock and ends at once with a
   * `cancelled` ProviderError when `signal` aborts: the router relies on both and
   * keeps no timers of its own (every adapter gets this from `guardStream`).
   */
  stream(request: ChatRequest, options: CallOptions): AsyncIterable<StreamEvent>;
  complete(request: ChatRequest, options: CallOptions): Promise<CompletionResult>;
  /** Live when the provider answers; the catalog's list, with the reason, when it cannot be reached. */
  listModels(signal: AbortSignal): Promise<ModelList>;
  /** Cheap health check: the model list, which costs no tokens. */
  probe(signal: AbortSignal): Promise<ProbeResult>;
}

/** Everything needed to build an adapter for one configured provider. */
export interface AdapterConfig {
  id: string;
  kind: ProviderKind;
  baseURL: string;
  apiKey?: string;
  /** Every key the app holds, so an echo of another provider's key is scrubbed too. */
  knownKeys?: () => string[];
  /** The user's own headers; the adapter adds its preset's beneath them. */
  headers?: Record<string, string>;
  /** Catalog preset this provider was made from: its wire quirks, headers and prices. */
  preset?: string;
  /** Models to report when the live list cannot be had. */
  defaultModels: string[];
  /** For tests and the bench: an injected fetch. Real use leaves it unset. */
  fetch?: typeof fetch;
  /** The built-in engine's process and installed models (kind `engine` only). */
  engine?: EngineParts;
}

export type EngineParts = Omit<EngineAdapterDeps, 'id' | 'clock'>;
