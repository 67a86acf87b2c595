/**
 * `switchboard selftest [--json] [--dry-run]`: the built-in prompts through `auto`
 * on the user's own routes, one after another (recorded with source `cli`, so they
 * count toward quotas and budgets like any other call). Per prompt: the detected
 * task type, who answered, first-token time, tokens/s after the first token and
 * cost; then the summary. `--dry-run` sends nothing and shows where each would go.
 * Exit 1 when any prompt got no answer (or, dry, has nowhere to go).
 */
import { reportedCostOf, type Message } from '../../../shared/chat.js';
import type { Core } from '../../main/core/app-core.js';
import type { Output } from '../output.js';
import { selftestPrompts, type SelftestPrompt } from '../selftest/prompts.js';
import { summarise, summaryLines, type SelftestResult } from '../selftest/summary.js';
import { costText, failureText } from './ask.js';

const CALLER = { senderId: 0 };

export async function selftest(core: Core, options: { dryRun: boolean }, out: Output): Promise<number> {
  const results: SelftestResult[] = [];
  for (const prompt of selftestPrompts()) {
    results.push(options.dryRun ? await preview(core, prompt, out) : await send(core, prompt, out));
  }
  const summary = summarise(results);
  if (out.json) out.line({ event: 'summary', dryRun: options.dryRun, ...summary });
  else summaryLines(summary, options.dryRun).forEach((line) => out.text(`${line}\n`));
  return summary.succeeded === summary.prompts ? 0 : 1;
}

async function preview(core: Core, prompt: SelftestPrompt, out: Output): Promise<SelftestResult> {
  const plan = await core.handlers['routing.preview']({ text: prompt.text, taskType: 'auto' }, CALLER);
  const first = plan.chain[0];
  const result = base(prompt, plan.taskType, first?.provider ?? null, first?.model ?? null, first !== undefined);
  if (out.json) {
    out.line({ event: 'prompt', ...result, agrees: result.detected === result.expected, reason: plan.reason, chain: plan.chain });
  } else {
    const target = first ? `${first.provider}/${first.model}` : 'nowhere: no target can take it';
    const then = plan.chain.length > 1 ? `  then ${plan.chain.slice(1).map((t) => t.provider).join(', ')}` : '';
    out.text(`${head(result)}  → ${target}${then}\n`);
  }
  return result;
}

async function send(core: Core, prompt: SelftestPrompt, out: Output): Promise<SelftestResult> {
  const message = await core.chat.send({ text: prompt.text, save: false, taskType: 'auto' }).finished;
  const ok = message.status === 'done';
  const detected = message.taskType ?? message.trace?.taskType ?? 'unknown';
  const result = base(prompt, detected, message.provider ?? null, message.model ?? null, ok);
  const speed = tokensPerSec(message);
  if (out.json) {
    out.line({
      event: 'prompt',
      ...result,
      agrees: detected === prompt.expected,
      ttftMs: ok ? (message.ttftMs ?? null) : null,
      tokensPerSec: ok ? speed : null,
      costUsd: message.costUsd ?? 0,
      reportedCostUsd: reportedCostOf(message) ?? null,
      error: ok ? null : { kind: message.error?.kind ?? 'no_target', message: message.error?.message ?? 'no provider could answer' },
    });
  } else if (ok) {
    const ttft = message.ttftMs === undefined ? '—' : `${Math.round(message.ttftMs)} ms`;
    out.text(`${head(result)}  ${message.provider}/${message.model}  ttft ${ttft}  ${speed === null ? '—' : speed.toFixed(1)} tok/s  ${costText(message)}\n`);
  } else {
    out.text(`${head(result)}  failed: ${failureText(message)}\n`);
  }
  return result;
}

function base(prompt: SelftestPrompt, detected: string, provider: string | null, model: string | null, ok: boolean): SelftestResult {
  return { id: prompt.id, category: prompt.category, expected: prompt.expected, detected, provider, model, ok };
}

function head(r: SelftestResult): string {
  const mark = r.detected === r.expected ? '=' : '≠';
  return `${r.id.padEnd(24)} ${r.detected.padEnd(13)} ${mark} ${r.expected.padEnd(13)}`;
}

/** Output tokens over the time after the first one, as the Health screen measures it. */
function tokensPerSec(m: Message): number | null {
  const tokens = m.usage?.outputTokens;
  if (!tokens || m.ttftMs === undefined || m.latencyMs === undefined || m.latencyMs <= m.ttftMs) return null;
  return tokens / ((m.latencyMs - m.ttftMs) / 1000);
}
