/**
 * The fallback chain for one message: try each planned target (hedged where the
 * task type asks for it), book every attempt, carry a broken stream on at the
 * next target, and end at the local model or with a RouteFailure that lists
 * every attempt and keeps whatever text was already shown. This run is the one
 * owner of the text shown to the user.
 */
import type { Attempt, ContinuationMethod, DecisionTrace, Usage } from '../../../../shared/chat.js';
import { ERROR_KIND_LABELS, type ErrorKind } from '../../../../shared/errors.js';
import type { ProviderError } from '../providers/provider-error.js';
import { STOPPED_BY_USER } from '../providers/stream-guard.js';
import type { ChatRequest, ProviderAdapter } from '../providers/types.js';
import { attemptRecord, bill } from './accounting.js';
import { breakerView } from './breaker.js';
import { type AttemptResult, runAttempt } from './execute-attempt.js';
import { hedgeDelay, raceWithHedge, type RaceEntry } from './hedge.js';
import { ttftPercentile } from './health-stats.js';
import { overlapTrimmer } from './overlap.js';
import type { PlannedTarget } from './plan.js';
import { type PreparedRoute, type RouterCore, prepareRoute } from './prepare-route.js';
import { probeProvider } from './probe.js';
import { contextWindow, isLocal, skipReason } from './target-checks.js';
import { engineReason } from './engine-reason.js';
import { type AttemptStart, RouteFailure, type RouteRequest, type RouteResult, type RouterCallbacks, type SettledAttempt } from './types.js';

interface Entry extends RaceEntry {
  target: PlannedTarget;
  /** Set when this attempt carried on the shown text, with how it was asked to. */
  continuation?: ContinuationMethod;
}

export async function runRoute(core: RouterCore, request: RouteRequest, callbacks: RouterCallbacks, signal: AbortSignal): Promise<RouteResult> {
  const prep = prepareRoute(core, request);
  callbacks.onPlan?.({ taskType: prep.decision.taskType, reason: prep.decision.reason });
  return new RouteRun(core, prep, request, callbacks, signal).run();
}

class RouteRun {
  private readonly clock;
  private readonly book;
  private readonly trace: DecisionTrace;
  private readonly attempts: Attempt[] = [];
  /** Targets not tried yet, in order. */
  private readonly queue: PlannedTarget[];
  private readonly startedAt: number;
  /** Everything the user has been shown for this message. */
  private shown = '';
  private firstShownAt: number | undefined;
  /** The provider whose stream broke after showing text, for the result note. */
  private brokeMidStream: string | undefined;
  private minContext: number | undefined;
  private pendingFallback: { from: string; reason: string } | undefined;
  private lastError: ProviderError | undefined;
  /** A failure that ends the message (the policy's `stop`): no other provider would do better. */
  private stopError: ProviderError | undefined;
  private costUsd = 0;
  private readonly networkFailed = new Set<string>();
  private cloudAnsweredOtherwise = false;
  private networkDown = false;
  private offlineNoticed = false;
  private readonly deps;

  constructor(
    core: RouterCore,
    private readonly prep: PreparedRoute,
    private readonly request: RouteRequest,
    private readonly callbacks: RouterCallbacks,
    private readonly signal: AbortSignal,
  ) {
    this.deps = core.deps;
    this.book = core.book;
    this.clock = core.deps.clock;
    this.startedAt = this.clock.now();
    const { decision, options, plan } = prep;
    this.trace = {
      taskType: decision.taskType,
      taskReason: decision.reason,
      strategy: options.strategy,
      considered: plan.considered,
      skipped: [...plan.skipped],
    };
    this.queue = [...plan.chain];
    if (plan.sticky) this.trace.sticky = plan.sticky;
    if (plan.offline) this.markOffline();
  }

  async run(): Promise<RouteResult> {
    const queue = this.queue;
    while (queue.length > 0) {
      if (this.signal.aborted) throw this.failure('cancelled', STOPPED_BY_USER);
      const target = queue.shift() as PlannedTarget;
      // The plan checked every target, but an earlier attempt may have changed what holds.
      const reason = this.attempts.length === 0 ? undefined : this.unusable(target);
      if (reason) {
        if (reason === 'offline') this.markOffline();
        this.skip(target, reason);
        continue;
      }
      // Only a half-open breaker makes the route wait for a probe before the request.
      if (this.halfOpen(target) && !(await this.probeHalfOpen(target))) continue;
      const continuation = this.shown.length > 0;
      // A losing hedge could already have passed on a tool call; with tools, one target answers at a time.
      const hedgeTarget = this.prep.options.hedge.enabled && !continuation && !this.request.tools?.length ? this.hedgeTarget(queue) : undefined;
      const entries = await this.attempt(target, hedgeTarget, continuation);
      // A target leaves the queue only when it failed; one that lost the race (or never started) keeps its place.
      const hedge = entries.find((e) => e.hedge);
      if (hedge && hedgeTarget && (hedge.result.outcome === 'error' || hedge.result.outcome === 'cancelled')) queue.splice(queue.indexOf(hedgeTarget), 1);
      const success = this.settle(entries);
      if (success) return this.result(success);
      if (this.stopError) throw this.failure(this.stopError.kind, this.describe(this.stopError));
      if (!this.networkDown && !this.cloudAnsweredOtherwise && this.networkFailed.size >= 2) {
        // Every cloud provider tried so far was unreachable: the network is gone, go local now.
        this.networkDown = true;
        this.markOffline();
      }
    }
    if (this.lastError) throw this.failure(this.lastError.kind, `Every provider failed. Last: ${this.describe(this.lastError)}`);
    const reasons = this.trace.skipped.map((s) => `${s.provider}: ${s.reason}`).join('; ');
    throw this.failure('no_target', `No provider could take this message${reasons ? ` (${reasons})` : ''}`);
  }

  /** Why `target` cannot run now, if it cannot; reads only. */
  private unusable(target: PlannedTarget): string | undefined {
    const { settings, check } = this.prep;
    const online = this.deps.online();
    if (!isLocal(settings, target.provider) && (this.networkDown || !online)) return 'offline';
    return skipReason({ ...check, now: this.clock.now(), online, minContext: this.minContext }, target, target.lastResort);
  }

  private skip(target: PlannedTarget, reason: string): void {
    this.trace.skipped.push({ provider: target.provider, model: target.model, reason });
  }

  private markOffline(): void {
    this.trace.offline = true;
    if (this.offlineNoticed) return;
    this.offlineNoticed = true;
    this.deps.onNotice?.({ id: 'router.offline', level: 'info', text: 'offline: using the local model' });
  }

  private adapterOf(provider: string): ProviderAdapter {
    const a = this.deps.adapter(provider);
    if ('unavailable' in a) throw this.failure('internal', `The adapter for ${provider} vanished during routing`);
    return a;
  }

  private breaker(target: PlannedTarget) {
    return breakerView(this.book.snapshot.providers[target.provider], this.clock.now()).state;
  }

  private halfOpen(target: PlannedTarget): boolean {
    return !target.lastResort && this.breaker(target) === 'half_open';
  }

  /** Probes a half-open provider and books the answer: it is let back in only if the cheap probe succeeds. */
  private async probeHalfOpen(target: PlannedTarget): Promise<boolean> {
    const startedAt = this.clock.now();
    const ok = await probeProvider(this.adapterOf(target.provider), this.clock, this.prep.options.timeouts.connectMs, this.signal);
    // A user's cancel says nothing about the provider.
    if (this.signal.aborted) throw this.failure('cancelled', STOPPED_BY_USER);
    this.book.recordProbe({ provider: target.provider, model: target.model, ok, startedAt, now: this.clock.now() });
    if (!ok) this.skip(target, 'breaker re-opened: health probe failed');
    return ok;
  }

  /** The next usable target with a closed breaker races the primary if it is slow. It stays in the queue. */
  private hedgeTarget(queue: readonly PlannedTarget[]): PlannedTarget | undefined {
    return queue.find((t) => !this.unusable(t) && this.breaker(t) === 'closed');
  }

  /** Shows new text: the one place the shown text grows. */
  private onText = (text: string): void => {
    if (this.firstShownAt === undefined) this.firstShownAt = this.clock.now();
    this.shown += text;
    this.callbacks.onText?.(text, this.shown);
  };

  private starter(target: PlannedTarget, hedge: boolean, continuation: boolean): (onText: (text: string) => void, signal: AbortSignal) => Promise<AttemptResult> {
    return (onText, signal) => {
      if (!hedge && this.pendingFallback) {
        this.callbacks.onFallback?.({ ...this.pendingFallback, to: target.provider });
        this.pendingFallback = undefined;
      }
      if (this.callbacks.onAttempt) {
        const started: AttemptStart = { provider: target.provider, model: target.model };
        if (hedge) started.hedge = true;
        if (continuation) started.continuation = true;
        this.callbacks.onAttempt(started);
      }
      return runAttempt({
        adapter: this.adapterOf(target.provider),
        request: { model: target.model, messages: this.request.messages, ...this.outputLimit(target), ...(continuation ? { continueFrom: this.shown } : {}), ...this.callerOptions },
        timeouts: this.prep.options.timeouts,
        clock: this.clock,
        signal,
        onText,
        ...(this.callbacks.onToolCall ? { onToolCall: this.callbacks.onToolCall } : {}),
      });
    };
  }

  /** What the caller set for every attempt: tools and sampling (the local API passes them through). */
  private get callerOptions(): Pick<ChatRequest, 'tools' | 'toolChoice' | 'maxTokens' | 'temperature'> {
    const { tools, toolChoice, maxTokens, temperature } = this.request;
    return {
      ...(tools && tools.length > 0 ? { tools } : {}),
      ...(toolChoice !== undefined ? { toolChoice } : {}),
      ...(maxTokens !== undefined ? { maxTokens } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
    };
  }

  private async attempt(target: PlannedTarget, hedgeTarget: PlannedTarget | undefined, continuation: boolean): Promise<Entry[]> {
    if (continuation) return [await this.continueOn(target)];
    if (!hedgeTarget) return [{ hedge: false, result: await this.starter(target, false, false)(this.onText, this.signal), target }];
    const delay = hedgeDelay(this.prep.options.hedge.delayMs, ttftPercentile(this.book.snapshot, target.provider, 90));
    const race = await raceWithHedge(this.clock, delay, this.signal, this.starter(target, false, false), this.starter(hedgeTarget, true, false), this.onText);
    return race.entries.map((e) => ({ ...e, target: e.hedge ? hedgeTarget : target }));
  }

  /**
   * Carries the shown text on at `target`. Asked in words (or by a flag some hosts
   * answer by restating the prefix), a model may begin by repeating the end of the
   * shown text: that is cut before anything is shown.
   */
  private async continueOn(target: PlannedTarget): Promise<Entry> {
    const method = this.adapterOf(target.provider).continuation;
    const trimmer = method === 'native' ? undefined : overlapTrimmer(this.shown);
    const onText = (text: string): void => {
      const fresh = trimmer ? trimmer.push(text) : text;
      if (fresh) this.onText(fresh);
    };
    const result = await this.starter(target, false, true)(onText, this.signal);
    const held = trimmer?.end();
    if (held) this.onText(held);
    return { hedge: false, result, target, continuation: method };
  }

  /** Records every entry in the book and the trace; returns the one that answered, if any. */
  private settle(entries: Entry[]): Entry | undefined {
    const { settings, promptTokens } = this.prep;
    let success: Entry | undefined;
    for (const e of entries) {
      const { target, result } = e;
      const local = isLocal(settings, target.provider);
      const billing = bill(this.deps.price, target.provider, target.model, result, promptTokens);
      this.costUsd += billing.costUsd;
      const attempt = attemptRecord(target, result, billing, { hedge: e.hedge, continuation: e.continuation });
      const booked: SettledAttempt = {
        attempt,
        source: this.request.source ?? 'chat',
        taskType: this.trace.taskType,
        fallback: this.attempts.some((a) => a.outcome === 'error'),
        quota: local ? { requests: 0, tokens: 0 } : { requests: 1, tokens: billing.tokens },
        ...(this.request.messageId ? { messageId: this.request.messageId } : {}),
      };
      this.attempts.push(attempt);
      for (const notice of this.book.recordAttempt(settings, booked, this.clock.now())) this.deps.onNotice?.(notice);
      if (result.rateLimit) this.book.recordRateLimit(target.provider, result.rateLimit.snapshot, result.rateLimit.at);
      if (result.outcome === 'ok') {
        this.book.recordSuccess({ provider: target.provider, at: result.startedAt, ms: result.ms, ttftMs: result.ttftMs });
        if (!local) this.cloudAnsweredOtherwise = true;
        success = e;
      } else if (result.outcome !== 'hedge_lost') {
        this.learn(target, result.error, result, local);
      }
    }
    return success;
  }

  /** What a failed attempt means for the rest of this message. */
  private learn(target: PlannedTarget, error: ProviderError, result: AttemptResult, local: boolean): void {
    if (error.kind !== 'cancelled') this.lastError = error;
    const effect = this.book.recordFailure({
      provider: target.provider,
      model: target.model,
      error,
      at: result.startedAt,
      ms: result.ms,
      now: this.clock.now(),
      promptTokens: this.prep.promptTokens,
      contextWindow: contextWindow({ price: this.deps.price }, target),
    });
    if (effect.stop) this.stopError ??= error;
    if (effect.minContext !== undefined) this.minContext = Math.max(this.minContext ?? 0, effect.minContext);
    if (result.ttftMs !== undefined) this.brokeMidStream = target.provider;
    if (!local) {
      if (error.kind === 'network') this.networkFailed.add(target.provider);
      else this.cloudAnsweredOtherwise = true;
    }
    this.pendingFallback = { from: target.provider, reason: effect.reason };
  }

  private result(winner: Entry): RouteResult {
    const result: RouteResult = {
      text: this.shown,
      provider: winner.target.provider,
      model: winner.target.model,
      taskType: this.trace.taskType,
      costUsd: this.costUsd,
      latencyMs: this.clock.now() - this.startedAt,
      attempts: this.attempts,
      trace: this.trace,
    };
    const usage: Usage | undefined = winner.result.outcome === 'ok' ? winner.result.usage : undefined;
    if (usage) result.usage = usage;
    if (winner.result.toolCalls) result.toolCalls = winner.result.toolCalls;
    if (winner.result.outcome === 'ok' && winner.result.finishReason) result.finishReason = winner.result.finishReason;
    if (this.firstShownAt !== undefined) result.ttftMs = this.firstShownAt - this.startedAt;
    if (this.brokeMidStream) result.note = `continued by ${winner.target.provider} after ${this.brokeMidStream} failed`;
    const engine = engineReason(this.prep.settings, winner.target.provider, this.attempts, this.trace.skipped);
    if (engine) this.trace.engine = engine;
    return result;
  }

  /** The route's own output limit, else the model's from the catalog; else the adapter's default. */
  private outputLimit(target: PlannedTarget): { maxTokens?: number } {
    const limit = this.prep.options.maxOutputTokens ?? this.deps.price?.(target.provider, target.model)?.maxOutputTokens;
    return limit ? { maxTokens: limit } : {};
  }

  private describe(error: ProviderError): string {
    return `${error.provider}: ${ERROR_KIND_LABELS[error.kind]} (${error.message})`;
  }

  private failure(kind: ErrorKind, message: string): RouteFailure {
    return new RouteFailure(kind, message, this.attempts, this.trace, this.shown);
  }
}
