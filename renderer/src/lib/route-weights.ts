/**
 * The route weights the Health panel edits for one provider: every place a
 * route names it, what its weight does there under the route's strategy, and
 * the settings with a weight changed. The router's rules (strategies.ts): in an
 * `ordered` route, consecutive weighted targets form a group drawn by weight;
 * `balanced` ranks by weight × health; `fastest` and `cheapest` ignore weights.
 */
import type { RouteTarget, Settings, Strategy } from '../../../shared/settings.js';

export interface WeightRow {
  task: string;
  index: number;
  model: string;
  weight: number | undefined;
  strategy: Strategy;
  /** What the weight does there, in words. */
  effect: string;
}

/** The weighted run of targets around `index` (itself included), as the router groups them. */
function weightedRun(targets: readonly RouteTarget[], index: number): RouteTarget[] {
  let start = index;
  let end = index + 1;
  while (start > 0 && targets[start - 1]?.weight !== undefined) start--;
  while (end < targets.length && targets[end]?.weight !== undefined) end++;
  return targets.slice(start, end);
}

export function weightEffect(targets: readonly RouteTarget[], index: number, strategy: Strategy): string {
  const target = targets[index];
  if (strategy === 'fastest' || strategy === 'cheapest') return `not used: this route tries the ${strategy} target first`;
  if (strategy === 'balanced') return `ranked by weight × health (weight ${target?.weight ?? 1})`;
  if (target?.weight === undefined) return 'tried in its place in the list';
  const run = weightedRun(targets, index);
  if (run.length < 2) return 'no effect until a target next to it has a weight too';
  const total = run.reduce((sum, t) => sum + (t.weight ?? 1), 0);
  return `first in about ${Math.round((target.weight / total) * 100)}% of picks among its ${run.length} weighted neighbours`;
}

export function weightRows(settings: Settings, provider: string): WeightRow[] {
  const rows: WeightRow[] = [];
  for (const [task, targets] of Object.entries(settings.routes)) {
    const strategy = settings.taskTypes[task]?.strategy ?? 'ordered';
    targets.forEach((t, index) => {
      if (t.provider === provider) rows.push({ task, index, model: t.model, weight: t.weight, strategy, effect: weightEffect(targets, index, strategy) });
    });
  }
  return rows;
}

/** The settings with these weights set (undefined removes one); the rest untouched. */
export function withWeights(settings: Settings, changes: readonly { task: string; index: number; weight: number | undefined }[]): Settings {
  const routes = { ...settings.routes };
  for (const { task, index, weight } of changes) {
    const targets = [...(routes[task] ?? [])];
    const target = targets[index];
    if (!target) continue;
    const { weight: _old, ...rest } = target;
    targets[index] = weight === undefined ? rest : { ...rest, weight };
    routes[task] = targets;
  }
  return { ...settings, routes };
}
