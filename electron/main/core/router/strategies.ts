/**
 * Orders a route's targets by the task type's strategy. `ordered` keeps the
 * user's order, except that consecutive weighted targets share a rank and are
 * drawn by weight; the others sort on measured speed, price or health, and keep
 * the user's order among equals (the sort is stable).
 */
import type { RouteTarget, Strategy } from '../../../../shared/settings.js';

export interface StrategyContext {
  random: () => number;
  /** Median time to first token recently, when measured. */
  p50TtftMs(provider: string): number | undefined;
  /** 0..1 from recent errors and latency. */
  healthScore(provider: string): number;
  /** Expected cost of this prompt on the target, when the price is known. */
  costUsd(target: RouteTarget): number | undefined;
}

export function orderTargets(targets: readonly RouteTarget[], strategy: Strategy, ctx: StrategyContext): RouteTarget[] {
  switch (strategy) {
    case 'ordered':
      return expandWeightedGroups(targets, ctx.random);
    case 'fastest':
      return sortBy(targets, (t) => ctx.p50TtftMs(t.provider) ?? Number.POSITIVE_INFINITY);
    case 'cheapest':
      return sortBy(targets, (t) => ctx.costUsd(t) ?? Number.POSITIVE_INFINITY);
    case 'balanced':
      return sortBy(targets, (t) => -(t.weight ?? 1) * ctx.healthScore(t.provider));
  }
}

function sortBy(targets: readonly RouteTarget[], key: (t: RouteTarget) => number): RouteTarget[] {
  return targets
    .map((t) => ({ t, k: key(t) }))
    .sort((a, b) => (a.k === b.k ? 0 : a.k < b.k ? -1 : 1))
    .map((e) => e.t);
}

/** Consecutive targets that both carry a weight form one group, drawn in weighted order. */
export function expandWeightedGroups(targets: readonly RouteTarget[], random: () => number): RouteTarget[] {
  // The common route has no weights: nothing to draw.
  if (!targets.some((t) => t.weight !== undefined)) return [...targets];
  const out: RouteTarget[] = [];
  let i = 0;
  while (i < targets.length) {
    const first = targets[i];
    if (!first) break;
    let end = i + 1;
    if (first.weight !== undefined) {
      while (end < targets.length && targets[end]?.weight !== undefined) end++;
    }
    out.push(...weightedOrder(targets.slice(i, end), random));
    i = end;
  }
  return out;
}

function weightedOrder(group: RouteTarget[], random: () => number): RouteTarget[] {
  const pool = [...group];
  const out: RouteTarget[] = [];
  while (pool.length > 1) {
    const total = pool.reduce((s, t) => s + (t.weight ?? 1), 0);
    let roll = random() * total;
    let pick = pool.length - 1;
    for (let j = 0; j < pool.length; j++) {
      roll -= pool[j]?.weight ?? 1;
      if (roll < 0) {
        pick = j;
        break;
      }
    }
    out.push(...pool.splice(pick, 1));
  }
  out.push(...pool);
  return out;
}
