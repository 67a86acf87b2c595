/** Per-task-type timeouts, strategy and hedging, with the user's overrides applied. */
import type { Settings, Strategy, Timeouts } from '../../../../shared/settings.js';

const GENERAL: Timeouts = { connectMs: 10_000, firstTokenMs: 30_000, idleMs: 30_000 };

export const DEFAULT_TIMEOUTS: Record<string, Timeouts> = {
  general: GENERAL,
  realtime: { connectMs: 3_000, firstTokenMs: 4_000, idleMs: 5_000 },
  code: { connectMs: 10_000, firstTokenMs: 45_000, idleMs: 30_000 },
  // Reasoning models think before the first token.
  reasoning: { connectMs: 15_000, firstTokenMs: 120_000, idleMs: 60_000 },
  creative: GENERAL,
  cheap: GENERAL,
  'long-context': { connectMs: 20_000, firstTokenMs: 90_000, idleMs: 45_000 },
  multilingual: GENERAL,
};

/**
 * Task types whose longer waits are for their models (a reasoning model thinks
 * before its first token), not for the prompt. When such a task has no route of
 * its own and borrows the general route, the models are general ones, and so are
 * the waits: a stalled general model must fail over after 30 s, not 120 s.
 */
const MODEL_BOUND_TIMEOUTS = new Set(['reasoning']);

export interface TaskOptions {
  strategy: Strategy;
  timeouts: Timeouts;
  hedge: { enabled: boolean; delayMs?: number };
  maxOutputTokens?: number;
}

/** `borrowsGeneralRoute`: the task has no route of its own, so its messages go to the general route's models. */
export function taskOptions(settings: Settings, taskType: string, borrowsGeneralRoute = false): TaskOptions {
  const own = settings.taskTypes[taskType];
  const base = borrowsGeneralRoute && MODEL_BOUND_TIMEOUTS.has(taskType) ? GENERAL : (DEFAULT_TIMEOUTS[taskType] ?? GENERAL);
  return {
    strategy: own?.strategy ?? 'ordered',
    timeouts: { ...base, ...definedOnly(own?.timeouts ?? {}) },
    hedge: own?.hedge ?? { enabled: taskType === 'realtime' },
    ...(own?.maxOutputTokens ? { maxOutputTokens: own.maxOutputTokens } : {}),
  };
}

function definedOnly(t: Partial<Timeouts>): Partial<Timeouts> {
  return Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined));
}
