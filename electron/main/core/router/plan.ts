/**
 * Builds the chain for one message: the task type's route (or general's),
 * ordered by its strategy, the user's pin or the sticky provider moved first,
 * the local fallback last, and every target that cannot run now set aside with
 * its reason.
 */
import type { Skip } from '../../../../shared/chat.js';
import type { RouteTarget, Settings, Strategy } from '../../../../shared/settings.js';
import { breakerView } from './breaker.js';
import { buildDefaultRoutes } from './default-routes.js';
import { healthScore, ttftPercentile } from './health-stats.js';
import { orderTargets } from './strategies.js';
import { type CheckContext, type Target, providerConfig, skipReason } from './target-checks.js';

export interface PlannedTarget extends Target {
  /** The local fallback at the end of every chain. */
  lastResort: boolean;
  /** Passed the skip checks while planning; an unchecked target is checked when the route reaches it. */
  checked: boolean;
}

export interface Plan {
  considered: Target[];
  chain: PlannedTarget[];
  skipped: Skip[];
  offline: boolean;
  sticky?: string;
}

export interface PlanInput {
  check: CheckContext;
  random: () => number;
  taskType: string;
  strategy: Strategy;
  pinned?: { provider: string; model?: string };
  sticky?: string;
  /**
   * Check every target now, as a preview must. A route checks only up to the
   * first usable target before its request goes out, and the rest when (and if)
   * it reaches them.
   */
  checkAll?: boolean;
}

/** A typical answer length, for comparing prices before the answer exists. */
const EXPECTED_OUTPUT_TOKENS = 500;

export function resolveRoute(settings: Settings, taskType: string): RouteTarget[] {
  const own = settings.routes[taskType] ?? settings.routes.general;
  if (own && own.length > 0) return own;
  // No routes set up yet: derive them from the providers the user has.
  const defaults = buildDefaultRoutes(
    settings.providers
      .filter((p) => p.enabled)
      .map((p) => ({ id: p.id, preset: p.preset, kind: p.kind, models: p.models ?? [] })),
    settings.localFallback,
  );
  return defaults[taskType] ?? defaults.general ?? [];
}

export function planChain(input: PlanInput): Plan {
  const { check } = input;
  const { settings, snapshot } = check;
  const ordered = orderTargets(resolveRoute(settings, input.taskType), input.strategy, {
    random: input.random,
    p50TtftMs: (p) => ttftPercentile(snapshot, p, 50),
    healthScore: (p) => healthScore(snapshot, p),
    costUsd: (t) => {
      const price = check.price?.(t.provider, t.model);
      if (!price) return undefined;
      return (check.promptTokens * price.inputUsdPerMTok + EXPECTED_OUTPUT_TOKENS * price.outputUsdPerMTok) / 1e6;
    },
  });

  let targets: Target[] = ordered.map((t) => ({ provider: t.provider, model: t.model }));
  let sticky: string | undefined;
  if (input.pinned) {
    const model = input.pinned.model ?? pinnedModel(settings, targets, input.pinned.provider);
    if (model) targets = [{ provider: input.pinned.provider, model }, ...targets];
  } else if (input.sticky) {
    const mine = targets.filter((t) => t.provider === input.sticky);
    const healthy = mine.length > 0 && !skipReason(check, mine[0] as Target) && breakerView(snapshot.providers[input.sticky], check.now).state === 'closed';
    if (healthy) {
      targets = [...mine, ...targets.filter((t) => t.provider !== input.sticky)];
      sticky = input.sticky;
    }
  }
  const local = settings.localFallback;
  const all: PlannedTarget[] = dedupe(targets).map((t) => ({ ...t, lastResort: false, checked: false }));
  if (local && !all.some((t) => t.provider === local.provider && t.model === local.model)) {
    all.push({ provider: local.provider, model: local.model, lastResort: true, checked: false });
  }

  const chain: PlannedTarget[] = [];
  const skipped: Skip[] = [];
  let usable = false;
  for (const t of all) {
    if (usable && !input.checkAll) {
      chain.push(t);
      continue;
    }
    const reason = skipReason(check, t, t.lastResort);
    if (reason) {
      skipped.push({ provider: t.provider, model: t.model, reason });
    } else {
      t.checked = true;
      usable = true;
      chain.push(t);
    }
  }
  return {
    considered: all.map((t) => ({ provider: t.provider, model: t.model })),
    chain,
    skipped,
    offline: !check.online,
    sticky,
  };
}

function pinnedModel(settings: Settings, route: Target[], provider: string): string | undefined {
  return route.find((t) => t.provider === provider)?.model ?? providerConfig(settings, provider)?.models?.[0] ?? findInRoutes(settings, provider);
}

function findInRoutes(settings: Settings, provider: string): string | undefined {
  for (const targets of Object.values(settings.routes)) {
    const found = targets.find((t) => t.provider === provider);
    if (found) return found.model;
  }
  return undefined;
}

/** Routes hold a handful of targets, so a scan beats building keys and a Set. */
function dedupe(targets: Target[]): Target[] {
  return targets.filter((t, i) => targets.findIndex((o) => o.provider === t.provider && o.model === t.model) === i);
}
