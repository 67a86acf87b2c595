/**
 * The fallback chain for one message: try each planned target (hedged where the
 * task type asks for it), learn from every failure, carry a broken stream on at
 * the next target, and end at the local model or with a RouteFailure that lists
 * every attempt and keeps whatever text was already shown.
 */
import type { Attempt, DecisionTrace, Usage } from '../../../../shared/chat.js';
import { ERROR_KIND_LABELS, type ErrorKind } from '../../../../shared/errors.js';
import type { ProviderError } from '../providers/provider-error.js';
import type { ChatRequest, ProviderAdapter } from '../providers/types.js';
import { attemptRecord, bill } from './accounting.js';
import { breakerView, closeAfterProbe, recordProbeFailure, recordSuccess } from './breaker.js';
import { type AttemptResult, runAttempt } from './execute-attempt.js';
import { applyFailure } from './failure-policy.js';
import { hedgeDelay, raceWithHedge, type RaceEntry } from './hedge.js';
import { bookAttempt } from './bookkeeping.js';
import { ttftPercentile } from './health-stats.js';
import type { PlannedTarget } from './plan.js';
import { type PreparedRoute, type RouterCore, prepareRoute } from './prepare-route.js';
import { probeProvider } from './probe.js';
import { providerState } from './state.js';
import { contextWindow, isLocal, skipReason } from './target-checks.js';
import { type AttemptStart, RouteFailure, type RouteRequest, type RouteResult, type RouterCallbacks, type SettledAttempt } from './types.js';

interface Entry extends RaceEntry {
  target: PlannedTarget;
}

export async function runRoute(core: RouterCore, request: RouteRequest, callbacks: RouterCallbacks, signal: AbortSignal): Promise<RouteResult> {
  const prep = prepareRoute(core, request);
  callbacks.onPlan?.({ taskType: prep.decision.taskType, reason: prep.decision.reason });
  return new RouteRun(core, prep, request, callbacks, signal).run();
}

class RouteRun {
  private readonly clock;
  private readonly trace: DecisionTrace;
  private readonly attempts: Attempt[] = [];
  /** Targets not tried yet, in order. */
  private readonly queue: PlannedTarget[];
  private readonly startedAt: number;
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

  constructor(
    private readonly core: RouterCore,
    private readonly prep: PreparedRoute,
    private readonly request: RouteRequest,
    private readonly callbacks: RouterCallbacks,
    private readonly signal: AbortSignal,
  ) {
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
      if (this.signal.aborted) throw this.failure('cancelled', 'stopped');
      const target = queue.shift() as PlannedTarget;
      // A target the plan checked a moment ago needs no second check until an attempt has changed something.
      const reason = target.checked && this.attempts.length === 0 ? undefined : this.unusable(target);
      if (reason) {
        this.skip(target, reason);
        continue;
      }
      // Only a half-open breaker makes the route wait for a probe before the request.
      if (this.halfOpen(target) && !(await this.passesProbe(target))) continue;
      const continuation = this.shown.length > 0;
      // A losing hedge could already have passed on a tool call; with tools, one target answers at a time.
      const hedgeTarget = this.prep.options.hedge.enabled && !continuation && !this.request.tools?.length ? this.takeHedgeTarget(queue) : undefined;
      const entries = await this.attempt(target, hedgeTarget, continuation);
      // The primary ended before the hedge delay: the hedge target was never used, keep it in line.
      if (hedgeTarget && !entries.some((e) => e.hedge)) queue.unshift(hedgeTarget);
      const success = this.settle(entries, continuation);
      this.core.save();
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

  private unusable(target: PlannedTarget): string | undefined {
    const { settings, check } = this.prep;
    const online = this.core.deps.online();
    if (!isLocal(settings, target.provider) && (this.networkDown || !online)) {
      this.markOffline();
      return 'offline';
    }
    return skipReason({ ...check, now: this.clock.now(), online, minContext: this.minContext }, target, target.lastResort);
  }

  private skip(target: PlannedTarget, reason: string): void {
    this.trace.skipped.push({ provider: target.provider, model: target.model, reason });
  }

  private markOffline(): void {
    this.trace.offline = true;
    if (this.offlineNoticed) return;
    this.offlineNoticed = true;
    this.core.deps.onNotice?.({ id: 'router.offline', level: 'info', text: 'offline: using the local model' });
  }

  private adapterOf(provider: string): ProviderAdapter {
    const a = this.core.deps.adapter(provider);
    if ('unavailable' in a) throw new Error(`adapter for ${provider} vanished during routing`);
    return a;
  }

  private halfOpen(target: PlannedTarget): boolean {
    return !target.lastResort && breakerView(this.core.snapshot.providers[target.provider], this.clock.now()).state === 'half_open';
  }

  /** A half-open breaker lets the provider back in only if a cheap probe succeeds. */
  private async passesProbe(target: PlannedTarget): Promise<boolean> {
    const ps = providerState(this.core.snapshot, target.provider);
    const startedAt = this.clock.now();
    const ok = await probeProvider(this.adapterOf(target.provider), this.clock, this.prep.options.timeouts.connectMs, this.signal);
    // A user's cancel says nothing about the provider.
    if (this.signal.aborted) throw this.failure('cancelled', 'stopped');
    this.core.deps.ledger?.record({
      attempt: { provider: target.provider, model: target.model, outcome: ok ? 'ok' : 'error', startedAt, ms: this.clock.now() - startedAt },
      source: 'probe',
      fallback: false,
      quota: { requests: 0, tokens: 0 },
    });
    if (ok) closeAfterProbe(ps);
    else recordProbeFailure(ps, this.clock.now(), this.core.tuning);
    this.core.save();
    if (!ok) this.skip(target, 'breaker re-opened: health probe failed');
    return ok;
  }

  /** The next usable target with a closed breaker races the primary if it is slow. */
  private takeHedgeTarget(queue: PlannedTarget[]): PlannedTarget | undefined {
    const index = queue.findIndex(
      (t) => !this.unusable(t) && breakerView(this.core.snapshot.providers[t.provider], this.clock.now()).state === 'closed',
    );
    if (index < 0) return undefined;
    return queue.splice(index, 1)[0];
  }

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
        provider: target.provider,
        request: { model: target.model, messages: this.request.messages, ...this.outputLimit(target), ...(continuation ? { continueFrom: this.shown } : {}), ...this.callerOptions },
        timeouts: this.prep.options.timeouts,
        clock: this.clock,
        signal,
        onOpen: (rateLimit, at) => {
          if (!rateLimit) return;
          const ps = providerState(this.core.snapshot, target.provider);
          ps.rateLimit = rateLimit;
          ps.rateLimitAt = at;
        },
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
    const show = (text: string): void => {
      if (this.firstShownAt === undefined) this.firstShownAt = this.clock.now();
      this.shown += text;
      this.callbacks.onText?.(text);
    };
    if (!hedgeTarget) {
      const result = await this.starter(target, false, continuation)(show, this.signal);
      return [{ hedge: false, result, target }];
    }
    const delay = hedgeDelay(this.prep.options.hedge.delayMs, ttftPercentile(this.core.snapshot, target.provider, 90));
    const race = await raceWithHedge(this.clock, delay, this.signal, this.starter(target, false, false), this.starter(hedgeTarget, true, false), show);
    return race.entries.map((e) => ({ ...e, target: e.hedge ? hedgeTarget : target }));
  }

  /** Books every entry (cost, quota, breaker, trace) and returns the one that answered, if any. */
  private settle(entries: Entry[], continuation: boolean): Entry | undefined {
    const { settings, promptTokens } = this.prep;
    const { snapshot, deps } = this.core;
    let success: Entry | undefined;
    for (const e of entries) {
      const { target, result } = e;
      const local = isLocal(settings, target.provider);
      const billing = bill(deps.price, target.provider, target.model, result, promptTokens);
      this.costUsd += billing.costUsd;
      const attempt = attemptRecord(target, result, billing.costUsd, { hedge: e.hedge, continuation });
      const fallback = this.attempts.some((a) => a.outcome === 'error');
      this.attempts.push(attempt);
      const booked: SettledAttempt = {
        attempt,
        source: this.request.source ?? 'chat',
        taskType: this.trace.taskType,
        fallback,
        quota: local ? { requests: 0, tokens: 0 } : { requests: 1, tokens: billing.tokens },
        ...(this.request.messageId ? { messageId: this.request.messageId } : {}),
      };
      for (const notice of bookAttempt(this.core, settings, booked, this.clock.now())) deps.onNotice?.(notice);
      const ps = providerState(snapshot, target.provider);
      if (result.ok) {
        recordSuccess(ps);
        ps.lastLatencyMs = result.ms;
        if (!local) this.cloudAnsweredOtherwise = true;
        success = e;
        continue;
      }
      const error = result.error;
      if (!error || result.lostHedge) continue;
      if (error.kind !== 'cancelled') this.lastError = error;
      const effect = applyFailure({
        snapshot,
        provider: target.provider,
        model: target.model,
        error,
        now: this.clock.now(),
        tuning: this.core.tuning,
        promptTokens,
        contextWindow: contextWindow({ price: deps.price }, target),
      });
      if (effect.stop) this.stopError ??= error;
      if (effect.minContext !== undefined) this.minContext = Math.max(this.minContext ?? 0, effect.minContext);
      if (result.text) this.brokeMidStream = target.provider;
      if (!local) {
        if (error.kind === 'network') this.networkFailed.add(target.provider);
        else this.cloudAnsweredOtherwise = true;
      }
      this.pendingFallback = { from: target.provider, reason: effect.reason };
    }
    return success;
  }

  private result(winner: Entry): RouteResult {
    this.traceUnreached();
    const now = this.clock.now();
    const result: RouteResult = {
      text: this.shown,
      provider: winner.target.provider,
      model: winner.target.model,
      taskType: this.trace.taskType,
      costUsd: this.costUsd,
      latencyMs: now - this.startedAt,
      attempts: this.attempts,
      trace: this.trace,
    };
    const usage: Usage | undefined = winner.result.usage;
    if (usage) result.usage = usage;
    if (winner.result.toolCalls) result.toolCalls = winner.result.toolCalls;
    if (winner.result.finishReason) result.finishReason = winner.result.finishReason;
    if (this.firstShownAt !== undefined) result.ttftMs = this.firstShownAt - this.startedAt;
    if (this.brokeMidStream) result.note = `continued by ${winner.target.provider} after ${this.brokeMidStream} failed`;
    return result;
  }

  /** The route's own output limit, else the model's from the catalog; else the adapter's default. */
  private outputLimit(target: PlannedTarget): { maxTokens?: number } {
    const limit = this.prep.options.maxOutputTokens ?? this.core.deps.price?.(target.provider, target.model)?.maxOutputTokens;
    return limit ? { maxTokens: limit } : {};
  }

  /**
   * Targets after the winner were not checked before the request went out; the
   * trace still says which of them could not have run, as the plan used to.
   */
  private traceUnreached(): void {
    const ctx = { ...this.prep.check, now: this.clock.now(), online: this.core.deps.online(), minContext: this.minContext };
    for (const t of this.queue) {
      const reason = t.checked ? undefined : skipReason(ctx, t, t.lastResort);
      if (reason) this.skip(t, reason);
    }
  }

  private describe(error: ProviderError): string {
    return `${error.provider}: ${ERROR_KIND_LABELS[error.kind]} (${error.message})`;
  }

  private failure(kind: ErrorKind, message: string): RouteFailure {
    this.core.save();
    return new RouteFailure(kind, message, this.attempts, this.trace, this.shown);
  }
}
