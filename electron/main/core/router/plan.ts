/**
 * Builds the chain for one message: the task type's route (or general's),
 * ordered by its strategy, the user's pin or the sticky provider moved first,
 * the local fallback last, and every target that cannot run now set aside with
 * its reason.
 */
import type { Skip } from '../../../../shared/chat.js';
import type { RouteTarget, Settings, Strategy } from '../../../../shared/settings.js';
import { costUsd } from '../providers/pricing/pricing.js';
import { breakerView } from './breaker.js';
import { buildDefaultRoutes } from './default-routes.js';
import { healthScore, ttftPercentile } from './health-stats.js';
import { orderTargets, type StrategyContext } from './strategies.js';
import { type CheckContext, type Target, providerConfig, skipReason } from './target-checks.js';

export interface PlannedTarget extends Target {
  /** The local fallback at the end of every chain. */
  lastResort: boolean;
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
  pinned?: { provider: string; model?: string; exclusive?: boolean };
  /** No local fallback at the end. */
  noFallback?: boolean;
  sticky?: string;
}

/** A typical answer length, for comparing prices before the answer exists. */
/** The answer length `cheapest` and the route preview assume when pricing a message. */
export const EXPECTED_OUTPUT_TOKENS = 500;

/** Whether a task type's messages go to the general route because the user gave it none of its own. */
export function borrowsGeneralRoute(settings: Settings, taskType: string): boolean {
  return taskType !== 'general' && !settings.routes[taskType]?.length && (settings.routes.general?.length ?? 0) > 0;
}

export function resolveRoute(settings: Settings, taskType: string): RouteTarget[] {
  const own = settings.routes[taskType] ?? settings.routes.general;
  if (own && own.length > 0) return own;
  const defaults = derivedRoutes(settings);
  return defaults[taskType] ?? defaults.general ?? [];
}

// Per settings object (a change brings a new one): deriving runs the catalog's model
// picks for every task type, and a message asks for routes more than once.
const derived = new WeakMap<Settings, Record<string, RouteTarget[]>>();

/** No routes set up yet: they come from the providers the user has. */
function derivedRoutes(settings: Settings): Record<string, RouteTarget[]> {
  let routes = derived.get(settings);
  if (!routes) {
    routes = buildDefaultRoutes(
      settings.providers
        .filter((p) => p.enabled)
        .map((p) => ({ id: p.id, preset: p.preset, kind: p.kind, models: p.models ?? [] })),
      settings.localFallback,
    );
    derived.set(settings, routes);
  }
  return routes;
}

export function planChain(input: PlanInput): Plan {
  const { check } = input;
  const ordered = orderTargets(resolveRoute(check.settings, input.taskType), input.strategy, strategyContext(check, input.random));
  const { targets, sticky } = putPreferredFirst(check, ordered, input);
  const all = withLocalLast(targets, input.noFallback ? undefined : check.settings.localFallback, input.noFallback ? undefined : check.settings.engineFallback);

  const chain: PlannedTarget[] = [];
  const skipped: Skip[] = [];
  for (const t of all) {
    const reason = skipReason(check, t, t.lastResort);
    if (reason) skipped.push({ provider: t.provider, model: t.model, reason });
    else chain.push(t);
  }
  return { considered: all.map((t) => ({ provider: t.provider, model: t.model })), chain, skipped, offline: !check.online, sticky };
}

function strategyContext(check: CheckContext, random: () => number): StrategyContext {
  const { snapshot } = check;
  return {
    random,
    p50TtftMs: (p) => ttftPercentile(snapshot, p, 50),
    healthScore: (p) => healthScore(snapshot, p),
    costUsd: (t) => {
      const price = check.price?.(t.provider, t.model);
      return price ? costUsd(price, { inputTokens: check.promptTokens, outputTokens: EXPECTED_OUTPUT_TOKENS }) : undefined;
    },
  };
}

/** The user's pin goes first; otherwise the conversation's provider, while it is healthy. */
function putPreferredFirst(check: CheckContext, ordered: readonly Target[], input: PlanInput): { targets: readonly Target[]; sticky?: string } {
  const { settings, snapshot } = check;
  if (input.pinned) {
    const model = input.pinned.model ?? pinnedModel(settings, ordered, input.pinned.provider);
    if (!model) return { targets: ordered };
    const pin = { provider: input.pinned.provider, model };
    return { targets: input.pinned.exclusive ? [pin] : [pin, ...ordered] };
  }
  const sticky = input.sticky;
  if (!sticky) return { targets: ordered };
  const mine = ordered.filter((t) => t.provider === sticky);
  const healthy = mine.length > 0 && !skipReason(check, mine[0] as Target) && breakerView(snapshot.providers[sticky], check.now).state === 'closed';
  if (!healthy) return { targets: ordered };
  return { targets: [...mine, ...ordered.filter((t) => t.provider !== sticky)], sticky };
}

/** Each target once, in order, then the local fallback and the built-in engine unless the route already has them. */
function withLocalLast(targets: readonly Target[], local: Target | undefined, engine: Target | undefined): PlannedTarget[] {
  const all: PlannedTarget[] = [];
  const contains = (t: Target): boolean => all.some((o) => o.provider === t.provider && o.model === t.model);
  for (const t of targets) {
    if (!contains(t)) all.push({ provider: t.provider, model: t.model, lastResort: false });
  }
  if (local && !contains(local)) all.push({ provider: local.provider, model: local.model, lastResort: true });
  if (engine && !contains(engine)) all.push({ provider: engine.provider, model: engine.model, lastResort: true });
  return all;
}

function pinnedModel(settings: Settings, route: readonly Target[], provider: string): string | undefined {
  return route.find((t) => t.provider === provider)?.model ?? providerConfig(settings, provider)?.models?.[0] ?? findInRoutes(settings, provider);
}

function findInRoutes(settings: Settings, provider: string): string | undefined {
  for (const targets of Object.values(settings.routes)) {
    const found = targets.find((t) => t.provider === provider);
    if (found) return found.model;
  }
  return undefined;
}
