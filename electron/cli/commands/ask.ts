/**
 * `switchboard ask [--task TYPE|auto] [--provider ID [--model ID]] [--save | --conversation ID] [--json] PROMPT`.
 * Streams the answer; with --json, one JSON object per line (attempt, delta,
 * fallback, then done or error), a contract scripts depend on. Without --save
 * or --conversation no conversation is stored; the attempts always are.
 */
import { reportedCostOf, type Message } from '../../../shared/chat.js';
import { BUILTIN_TASK_TYPES } from '../../../shared/task-types.js';
import type { Core } from '../../main/core/app-core.js';
import { UsageError } from '../../main/core/host-options.js';
import { formatCost, type Output } from '../output.js';
import { providerNames } from '../provider-names.js';

export interface AskOptions {
  prompt: string;
  task?: string;
  provider?: string;
  model?: string;
  /** Store the exchange as a new conversation. */
  save?: boolean;
  /** Continue this stored conversation, sending its history. */
  conversation?: string;
}

export function validateAsk(core: Core, options: AskOptions): void {
  if (!options.prompt.trim()) throw new UsageError('ask needs a prompt, e.g. switchboard ask "hello"');
  if (options.model && !options.provider) throw new UsageError('--model needs --provider');
  if (options.save && options.conversation) throw new UsageError('use --save or --conversation, not both');
  if (options.conversation !== undefined && !core.storage.conversations.summary(options.conversation)) {
    throw new Error(`no conversation ${options.conversation} (see: switchboard history)`);
  }
  const task = options.task ?? 'auto';
  const known = new Set<string>(['auto', ...BUILTIN_TASK_TYPES, ...core.taskTypes()]);
  if (!known.has(task)) throw new UsageError(`unknown task type "${task}"; known: ${[...known].join(', ')}`);
  if (options.provider && !core.settings().providers.some((p) => p.id === options.provider)) {
    const ids = core.settings().providers.map((p) => p.id);
    throw new UsageError(`unknown provider "${options.provider}"; configured: ${ids.join(', ') || 'none'}`);
  }
}

export async function ask(core: Core, options: AskOptions, out: Output): Promise<number> {
  validateAsk(core, options);
  // The CLI's core sends exactly one message, so every chat event belongs to it.
  const unsubscribe = core.events.subscribe((name, payload) => print(name, payload, out));
  const saved = options.save === true || options.conversation !== undefined;
  const sent = core.chat.send({
    text: options.prompt,
    save: saved,
    ...(options.conversation !== undefined ? { conversationId: options.conversation } : {}),
    taskType: options.task ?? 'auto',
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.model ? { model: options.model } : {}),
  });
  const message = await sent.finished;
  unsubscribe();
  return finish(message, out, saved ? sent.conversationId : undefined, providerNames(core));
}

function print(name: string, payload: unknown, out: Output): void {
  const p = payload as Record<string, string>;
  if (name === 'chat.attempt') {
    if (out.json) out.line({ event: 'attempt', provider: p.provider, model: p.model });
  } else if (name === 'chat.delta') {
    if (out.json) out.line({ event: 'delta', text: p.text });
    else out.text(p.text ?? '');
  } else if (name === 'chat.fallback') {
    // People see fallbacks in the summary line; only scripts get them live.
    if (out.json) out.line({ event: 'fallback', from: p.from, to: p.to, reason: p.reason });
  }
}

function attemptsOf(message: Message) {
  return (message.attempts ?? []).map((a) => ({
    provider: a.provider,
    model: a.model,
    outcome: a.outcome,
    errorKind: a.errorKind ?? null,
    status: a.status ?? null,
    ms: Math.round(a.ms),
  }));
}

/** " · after gpt: rate_limited" when earlier attempts failed, so a fallback is never silent. */
function failedBefore(message: Message, name: (id: string) => string): string {
  const failed = (message.attempts ?? []).filter((a) => a.outcome === 'error');
  return failed.length > 0 ? ` · after ${failed.map((a) => `${name(a.provider)}: ${a.errorKind ?? 'error'}`).join(', ')}` : '';
}

/** "$0.00012", or "$0.00012 est. · $0.00013 reported by the provider" beside a provider's own figure. */
export function costText(message: Message): string {
  const reported = reportedCostOf(message);
  return reported === undefined ? formatCost(message.costUsd) : `${formatCost(message.costUsd)} est. · ${formatCost(reported)} reported`;
}

/** Why a message got no answer, on one line, with every target tried. */
export function failureText(message: Message): string {
  const text = (message.error?.message ?? 'no provider could answer').replace(/\s+/g, ' ');
  const tried = attemptsOf(message).map((a) => `${a.provider}/${a.model}: ${a.errorKind ?? a.outcome}`);
  return `${text}${tried.length > 0 ? ` [tried ${tried.join(', ')}]` : ''}`;
}

function finish(message: Message, out: Output, conversationId: string | undefined, name: (id: string) => string): number {
  const stored = conversationId ? { conversationId } : {};
  if (message.status === 'done') {
    const usage = { inputTokens: message.usage?.inputTokens ?? 0, outputTokens: message.usage?.outputTokens ?? 0 };
    if (out.json) {
      out.line({
        event: 'done',
        ...stored,
        provider: message.provider,
        model: message.model,
        taskType: message.taskType,
        text: message.text,
        usage,
        costUsd: message.costUsd ?? 0,
        reportedCostUsd: reportedCostOf(message) ?? null,
        ttftMs: message.ttftMs ?? null,
        latencyMs: message.latencyMs ?? null,
        attempts: attemptsOf(message),
      });
    } else {
      if (!message.text.endsWith('\n')) out.text('\n');
      out.note(
        `${name(message.provider ?? '')} · ${message.model} · ${usage.inputTokens}→${usage.outputTokens} tokens · ${costText(message)} · ${Math.round(message.latencyMs ?? 0)} ms` +
          (message.note ? ` · ${message.note}` : failedBefore(message, name)) +
          (conversationId ? ` · saved as ${conversationId}` : ''),
      );
    }
    return 0;
  }
  const errorKind = message.error?.kind ?? 'no_target';
  const text = message.error?.message ?? 'no provider could answer';
  if (out.json) {
    out.line({ event: 'error', errorKind, message: text, attempts: attemptsOf(message), ...stored });
  } else {
    if (message.text) out.text('\n');
    // One line, so scripts and people read the whole story at a glance.
    out.note(`switchboard: ${failureText(message)}`);
  }
  return 1;
}
