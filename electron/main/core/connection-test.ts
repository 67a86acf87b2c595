/**
 * The connection test behind Settings' and the health panel's Test buttons and
 * `switchboard doctor`: it proves a provider answers the way chat uses it. The
 * key is accepted and the model list answers; then one tiny completion is
 * streamed, and its first token must come within the first-token timeout of
 * the task type chat would send to this provider (the strictest, when several
 * routes name it). The model must be in the provider's live list. A provider
 * whose list works but whose streams fail or stall fails the test, with the
 * provider's own message.
 */
import type { ProbeResult } from '../../../shared/providers.js';
import type { Settings } from '../../../shared/settings.js';
import { ProviderError } from './providers/provider-error.js';
import type { ProviderAdapter, StreamTimeouts } from './providers/types.js';
import { taskOptions } from './router/task-options.js';

/** Room for the model list, before the completion's own timeouts start. */
const LIST_ALLOWANCE_MS = 10_000;
const PROMPT = 'Reply with the word ok.';

export interface TestPlan {
  model: string | undefined;
  taskType: string;
  timeouts: StreamTimeouts;
}

/** The model and timeouts chat would use with this provider. */
export function testPlan(settings: Settings, provider: string, defaultModel: string | undefined): TestPlan {
  const uses: { taskType: string; model: string }[] = [];
  for (const [taskType, targets] of Object.entries(settings.routes)) {
    for (const t of targets) if (t.provider === provider) uses.push({ taskType, model: t.model });
  }
  if (settings.localFallback?.provider === provider) uses.push({ taskType: 'general', model: settings.localFallback.model });
  const planned = uses.map((u) => ({ ...u, timeouts: taskOptions(settings, u.taskType).timeouts }));
  planned.sort((a, b) => a.timeouts.firstTokenMs - b.timeouts.firstTokenMs);
  const strictest = planned[0];
  if (strictest) return strictest;
  return { model: defaultModel, taskType: 'general', timeouts: taskOptions(settings, 'general').timeouts };
}

export async function testConnection(adapter: ProviderAdapter, plan: TestPlan, now: () => number): Promise<ProbeResult> {
  const started = now();
  // A backstop over the whole test; the stream's own timers fire first with clearer words.
  const deadlineMs = LIST_ALLOWANCE_MS + plan.timeouts.connectMs + plan.timeouts.firstTokenMs + plan.timeouts.idleMs;
  const signal = AbortSignal.timeout(deadlineMs);
  const elapsed = () => Math.max(0, now() - started);
  const probe = await adapter.probe(signal);
  if (!probe.ok) return { ...probe, latencyMs: elapsed() };
  const model = plan.model;
  if (!model) {
    return { provider: adapter.id, ok: false, latencyMs: elapsed(), errorKind: 'model_not_found', message: 'No model is set for this provider, so no completion could be tried.', ...listed(probe) };
  }
  const about = { model, taskType: plan.taskType, ...listed(probe) };
  try {
    const list = await adapter.listModels(signal);
    // Ollama lists `llama3.2:latest` for the `llama3.2` a user names.
    const named = (id: string): boolean => id === model || id === `${model}:latest`;
    if (list.source === 'live' && list.models.length > 0 && !list.models.some((m) => named(m.id))) {
      return { provider: adapter.id, ok: false, latencyMs: elapsed(), errorKind: 'model_not_found', message: `${model} is not in this provider's model list`, ...about };
    }
    let ttftMs: number | undefined;
    let requestId: string | undefined;
    // The stream guard enforces the task's connect, first-token and idle timeouts.
    for await (const event of adapter.stream({ model, messages: [{ role: 'user', content: PROMPT }], maxTokens: 5 }, { signal, timeouts: plan.timeouts })) {
      if (event.type === 'open' || event.type === 'done') requestId = event.requestId ?? requestId;
      if ((event.type === 'text' || event.type === 'tool_call') && ttftMs === undefined) ttftMs = elapsed();
    }
    if (ttftMs === undefined) {
      return { provider: adapter.id, ok: false, latencyMs: elapsed(), errorKind: 'stream_interrupted', message: 'The provider streamed an answer with no text in it.', ...about, ...(requestId ? { requestId } : {}) };
    }
    return { provider: adapter.id, ok: true, latencyMs: elapsed(), ttftMs, ...about };
  } catch (error) {
    const e = ProviderError.is(error) ? error : undefined;
    return {
      provider: adapter.id,
      ok: false,
      latencyMs: elapsed(),
      errorKind: signal.aborted ? 'timeout' : (e?.kind ?? 'network'),
      message: signal.aborted ? `The test took longer than ${deadlineMs / 1000} s.` : e ? withTimeoutContext(e, plan) : error instanceof Error ? error.message : String(error),
      ...about,
      ...(e?.requestId ? { requestId: e.requestId } : {}),
    };
  }
}

function listed(probe: ProbeResult): { modelCount?: number } {
  return probe.modelCount !== undefined ? { modelCount: probe.modelCount } : {};
}

/** A timeout says whose limit it missed, so the user knows which setting it was held to. */
function withTimeoutContext(e: ProviderError, plan: TestPlan): string {
  if (e.kind !== 'timeout') return e.message;
  return `${e.message} (held to the ${plan.taskType} task's timeouts)`;
}
