/**
 * Delayed hedging: when the primary has shown no text after a delay, a second
 * target starts in parallel. The first to produce a token wins and streams to
 * the user; the other is aborted. If one fails before any token, the other
 * simply carries on.
 */
import { type AttemptResult, HEDGE_LOST } from './execute-attempt.js';
import type { Clock } from './types.js';

export const HEDGE_MIN_DELAY_MS = 150;
export const HEDGE_MAX_DELAY_MS = 2_000;
/** Used until the primary has a measured p90. */
export const HEDGE_DEFAULT_DELAY_MS = 1_000;

export function hedgeDelay(configuredMs: number | undefined, primaryP90TtftMs: number | undefined): number {
  if (configuredMs !== undefined) return configuredMs;
  const base = primaryP90TtftMs ?? HEDGE_DEFAULT_DELAY_MS;
  return Math.min(HEDGE_MAX_DELAY_MS, Math.max(HEDGE_MIN_DELAY_MS, base));
}

/** Starts an attempt; the race passes `onText` to see the first token, and a signal of its own to stop the loser. */
export type AttemptStarter = (onText: (text: string) => void, signal: AbortSignal) => Promise<AttemptResult>;

export interface RaceEntry {
  hedge: boolean;
  result: AttemptResult;
}

export interface RaceOutcome {
  /** Every attempt that started, primary first, with how it ended. */
  entries: RaceEntry[];
}

/** `signal` is the user's cancel; each attempt gets its own signal that follows it, and `onText` sees only the winner's text. */
export function raceWithHedge(
  clock: Clock,
  delayMs: number,
  signal: AbortSignal,
  startPrimary: AttemptStarter,
  startHedge: AttemptStarter,
  onText: (text: string) => void,
): Promise<RaceOutcome> {
  return new Promise((resolve) => {
    const runs: { hedge: boolean; controller: AbortController; result?: AttemptResult }[] = [];
    let winner: number | undefined;
    let timerDone = false;

    const settleIfDone = (): void => {
      if (!timerDone || runs.some((r) => !r.result)) return;
      resolve({ entries: runs.map((r) => ({ hedge: r.hedge, result: r.result as AttemptResult })) });
    };
    const launch = (hedge: boolean, start: AttemptStarter): void => {
      const index = runs.length;
      // The race stops one attempt alone; the user's cancel stops both.
      const controller = new AbortController();
      runs.push({ hedge, controller });
      const result = start((text) => {
        if (winner === undefined) {
          winner = index;
          cancelTimer();
          timerDone = true;
          runs.forEach((r, i) => {
            if (i !== index) r.controller.abort(HEDGE_LOST);
          });
        }
        if (winner === index) onText(text);
      }, AbortSignal.any([signal, controller.signal]));
      void result.then((result) => {
        const entry = runs[index];
        if (entry) entry.result = result;
        // The primary failed before the delay: no hedge; the chain moves on as usual.
        if (!timerDone && runs.every((r) => r.result)) {
          cancelTimer();
          timerDone = true;
        }
        settleIfDone();
      });
    };

    const cancelTimer = clock.setTimeout(() => {
      timerDone = true;
      if (winner === undefined && runs.some((r) => !r.result)) launch(true, startHedge);
      settleIfDone();
    }, delayMs);
    launch(false, startPrimary);
  });
}
