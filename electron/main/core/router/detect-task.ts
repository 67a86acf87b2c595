/**
 * Automatic task detection. Deterministic and explained: the reason is shown in
 * the decision trace, e.g. "auto → code: code fence". Order matters: a prompt
 * too long for the model must go where it fits before anything else counts.
 */
import type { ChatTurn } from '../providers/types.js';
import type { TaskChoice } from '../../../../shared/task-types.js';
import { detectCode } from './detect-code.js';
import { detectIntent } from './detect-intent.js';
import { dominantScript } from './detect-script.js';
import { estimatePromptTokens } from './estimate-tokens.js';
import { kTokens } from './time-and-words.js';

export const LONG_CONTEXT_THRESHOLD_TOKENS = 24_000;

export interface DetectOptions {
  /** Context window of the first target the prompt would go to, when known. */
  contextWindow?: number;
  thresholdTokens?: number;
  /** The caller's estimate of the prompt, when it already has one. */
  promptTokens?: number;
}

export interface TaskDecision {
  taskType: string;
  reason: string;
}

export function detectTask(messages: readonly ChatTurn[], options: DetectOptions = {}): TaskDecision {
  const tokens = options.promptTokens ?? estimatePromptTokens(messages);
  const threshold = options.thresholdTokens ?? LONG_CONTEXT_THRESHOLD_TOKENS;
  if (options.contextWindow !== undefined && tokens > options.contextWindow) {
    return { taskType: 'long-context', reason: `auto → long-context: ~${kTokens(tokens)} tokens > ${kTokens(options.contextWindow)} window` };
  }
  if (tokens > threshold) {
    return { taskType: 'long-context', reason: `auto → long-context: ~${kTokens(tokens)} tokens > ${kTokens(threshold)} threshold` };
  }
  const last = lastUserText(messages);
  const code = detectCode(last);
  if (code.code) return { taskType: 'code', reason: `auto → code: ${code.reason ?? 'code'}` };
  const script = dominantScript(last);
  if (!script.latin && script.script) {
    return { taskType: 'multilingual', reason: `auto → multilingual: mostly ${script.script}` };
  }
  const intent = detectIntent(last);
  if (intent) return { taskType: intent.taskType, reason: `auto → ${intent.taskType}: ${intent.sign}` };
  return { taskType: 'general', reason: 'auto → general: no code, Latin script, fits the window' };
}

/** The task type for a message: the user's choice wins, otherwise detection. */
export function chooseTask(choice: TaskChoice, messages: readonly ChatTurn[], options: DetectOptions = {}): TaskDecision {
  if (choice !== 'auto') return { taskType: choice, reason: 'chosen by you' };
  return detectTask(messages, options);
}

function lastUserText(messages: readonly ChatTurn[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && m.role === 'user') return m.content;
  }
  return '';
}
