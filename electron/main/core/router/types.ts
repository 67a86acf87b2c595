/**
 * The router's public face. It is pure logic: time, randomness, the network
 * (via adapters) and persistence are injected, so every fault is testable
 * deterministically.
 */
import type { Attempt, AttemptSource, DecisionTrace, Usage } from '../../../../shared/chat.js';
import type { Notice } from '../../../../shared/contract/calls-settings.js';
import type { ProviderHealth } from '../../../../shared/providers.js';
import type { ErrorKind } from '../../../../shared/errors.js';
import type { Settings } from '../../../../shared/settings.js';
import type { TaskChoice } from '../../../../shared/task-types.js';
import type { ChatTurn, ProviderAdapter, ToolCall, ToolChoice, ToolSpec } from '../providers/types.js';
import type { BreakerTuning } from './breaker.js';
import type { FlaggedTarget, RecentAttempt, RouterStateStore } from './state.js';

/** USD per million tokens and the context window, from the catalog. */
export interface PriceInfo {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  contextWindow?: number;
  /** The model's longest answer, from the catalog. */
  maxOutputTokens?: number;
  /** Where the price came from (`genai-prices@…`, `override`, `catalog`, `free`), recorded on each attempt. */
  version?: string;
}
export type PriceFn = (provider: string, model: string) => PriceInfo | undefined;

import type { Clock } from '../clock.js';

// For the router's callers: the clock lives in the core's own module.
export { realClock, type Clock } from '../clock.js';

export interface RouteRequest {
  conversationId: string;
  /** The whole history, ending with the new user turn. */
  messages: ChatTurn[];
  taskChoice: TaskChoice;
  /** The user pinned a provider (and maybe a model) for this message. */
  provider?: string;
  model?: string;
  /** The provider that last answered this conversation. */
  stickyProvider?: string;
  /**
   * With `provider` and `model`: only that target, then the local fallback,
   * instead of the pinned target ahead of the task type's whole route.
   */
  exclusive?: boolean;
  /** Leave the local fallback out of the chain (the API's `x-switchboard-no-fallback: 1`). */
  noFallback?: boolean;
  /** Tools the caller offers; targets that cannot call tools are skipped with a reason. */
  tools?: ToolSpec[];
  toolChoice?: ToolChoice;
  maxTokens?: number;
  temperature?: number;
  /** The stored message the answer goes to, so its attempts are recorded against it. */
  messageId?: string;
  /** What started the request, for the attempts table (`chat` when not given). */
  source?: AttemptSource;
}

/** One settled call to a provider, as the router books it. */
export interface SettledAttempt {
  attempt: Attempt;
  source: AttemptSource;
  messageId?: string;
  taskType?: string;
  /** An earlier attempt of the same message failed before this one. */
  fallback: boolean;
  /** What the call counts against the provider's daily quota (never anything for the local model). */
  quota: { requests: number; tokens: number };
}

/** Quota use and spend for one local day and month. */
export interface LedgerUsage {
  providers: Record<string, { requests: number; tokens: number }>;
  dayUsd: number;
  monthUsd: number;
}

/**
 * Where every attempt is recorded, and the one source the router reads usage,
 * quotas, budgets and recent latency from, so they can never disagree with the
 * record (and include what other processes on the same data sent).
 */
export interface AttemptLedger {
  record(entry: SettledAttempt): void;
  /** Quota use and spend of the local day and month that contain `now`. */
  usage(now: number): LedgerUsage;
  /** The latest attempts per provider that say something about its health, oldest first. */
  recent(): Record<string, RecentAttempt[]>;
  /** The table's figures behind the health read-outs, for the window that ends at `now`. */
  health?(now: number): HealthRows;
}

/** One recent call, as the health read-out sees it. */
export interface HealthRowSample {
  at: number;
  outcome: 'ok' | 'error' | 'cancelled' | 'hedge_lost';
  ms: number;
  ttftMs?: number;
  tokensOut?: number;
  /** Why an error failed: a refused or unresolved connection says little about the provider alone. */
  kind?: ErrorKind;
}

/** What the attempts table holds about each provider, for the health read-out. */
export interface HealthRows {
  /** Calls in the recent window (probes apart), oldest first. */
  recent: Record<string, HealthRowSample[]>;
  periods: Record<string, { requestsToday: number; tokensToday: number; quotaRequests: number; quotaTokens: number; costTodayUsd: number; costMonthUsd: number }>;
  /** The latest failed call, probes included. */
  lastError: Record<string, { kind: ErrorKind; message: string; at: number; requestId?: string }>;
}

export type RequestSource = 'chat' | 'compare' | 'cli' | 'api' | 'probe';

/** An attempt about to start: which target, and whether it races as a hedge or continues a broken answer. */
export interface AttemptStart {
  provider: string;
  model: string;
  hedge?: boolean;
  continuation?: boolean;
}

export interface RouterCallbacks {
  /** The task type is decided, before any attempt starts. */
  onPlan?(plan: { taskType: string; reason: string }): void;
  onAttempt?(attempt: AttemptStart): void;
  /** New text shown to the user, with all of it so far (the route run is its one owner). */
  onText?(text: string, shown: string): void;
  /** A whole tool call from the answering target. */
  onToolCall?(call: ToolCall): void;
  onFallback?(event: { from: string; to: string; reason: string }): void;
}

export interface RouteResult {
  text: string;
  toolCalls?: ToolCall[];
  /** The answering provider's own stop reason (`stop`, `end_turn`, `tool_calls`, `length`…). */
  finishReason?: string;
  provider: string;
  model: string;
  taskType: string;
  usage?: Usage;
  costUsd: number;
  ttftMs?: number;
  latencyMs: number;
  attempts: Attempt[];
  trace: DecisionTrace;
  /** e.g. "continued by groq after openai failed". */
  note?: string;
}

/** Thrown when no target could answer. Carries every attempt and the partial text. */
export class RouteFailure extends Error {
  override readonly name = 'RouteFailure';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly attempts: Attempt[],
    readonly trace: DecisionTrace,
    readonly partialText: string,
  ) {
    super(message);
  }
}

/** What the router needs from the rest of the core. */
export interface RouterDeps {
  clock: Clock;
  random: () => number;
  settings: () => Settings;
  /** The adapter for a provider, or why it cannot be used (no key, disabled). */
  adapter: (providerId: string) => ProviderAdapter | { unavailable: string };
  /** Whether the OS reports a network. Cloud targets are skipped when false. */
  online: () => boolean;
  /** Prices and context windows; unknown targets cost $0 in the books, yet only local ones count as free for budgets. */
  price?: PriceFn;
  /** Where breakers and cooldowns survive a restart (and, without a ledger, quotas and recent attempts). */
  state?: RouterStateStore;
  /** The record of every attempt; without one, usage and recent attempts live in the snapshot. */
  ledger?: AttemptLedger;
  /** Budget warnings, "offline: using the local model", and the like. */
  onNotice?: (notice: Notice) => void;
  breaker?: Partial<BreakerTuning>;
  /** False when the catalog says a target cannot call tools; unknown counts as able. */
  toolSupport?: (provider: string, model: string) => boolean;
}

/** Routing: deciding where a message goes, and sending it. */
export interface Router {
  route(request: RouteRequest, callbacks: RouterCallbacks, signal: AbortSignal): Promise<RouteResult>;
  /** The detected task type and the chain a prompt would take, without sending it; under `draft` settings when given (unsaved edits). */
  preview(request: Pick<RouteRequest, 'messages' | 'taskChoice' | 'provider' | 'model' | 'stickyProvider' | 'exclusive' | 'noFallback' | 'tools'>, draft?: Settings): {
    taskType: string;
    reason: string;
    promptTokens: number;
    chain: { provider: string; model: string }[];
    skipped: { provider: string; model: string; reason: string }[];
  };
  /** What the router remembers about providers, apart from routing. */
  readonly state: RouterState;
}

/** Administration of the provider book: read-outs for Settings and health, and the changes a user makes. */
export interface RouterState {
  /** The key of a provider was replaced: forget that the old one was rejected. */
  keyChanged(providerId: string): void;
  /** Route targets whose model the provider said does not exist, for Settings to show. */
  flaggedTargets(): FlaggedTarget[];
  /** Clears a flag, e.g. after the user fixed the model name. */
  unflag(providerId: string, model?: string): void;
  /** Breaker state and recent statistics per configured provider, for the health panel. */
  health(): ProviderHealth[];
  /** The user closes a provider's circuit from the health panel: its cooldown, failure count and probe backoff are forgotten. */
  resetCircuit(providerId: string): void;
  /** Waits until cooldowns, breakers and statistics are on disk; call before exiting. */
  flush(): Promise<void>;
}
