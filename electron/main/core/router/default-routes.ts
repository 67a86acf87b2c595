/**
 * Default routes built from the providers the user actually has keys for. Each
 * task type lists the providers known to suit it first, then the rest in the
 * general order, so every key is used somewhere. The local model is not listed:
 * the router always adds `localFallback` at the end of every chain.
 */
import type { ProviderKind, RouteTarget, Settings } from '../../../../shared/settings.js';
import { BUILTIN_TASK_TYPES } from '../../../../shared/task-types.js';

export interface AvailableProvider {
  id: string;
  preset?: string;
  kind: ProviderKind;
  models: string[];
}

/** Providers (by preset, or id when no preset) in preferred order per task type. */
const PREFERENCES: Record<string, string[]> = {
  general: ['anthropic', 'openai', 'gemini', 'deepseek', 'mistral', 'groq', 'zhipu', 'openrouter'],
  realtime: ['groq', 'cerebras', 'gemini', 'openai', 'anthropic', 'deepseek'],
  code: ['anthropic', 'openai', 'deepseek', 'mistral', 'gemini'],
  reasoning: ['openai', 'anthropic', 'deepseek', 'gemini'],
  creative: ['anthropic', 'openai', 'gemini', 'mistral'],
  cheap: ['groq', 'deepseek', 'gemini', 'mistral', 'openai'],
  'long-context': ['gemini', 'anthropic', 'openai'],
  multilingual: ['openai', 'anthropic', 'zhipu', 'deepseek', 'gemini', 'qwen'],
};

/** Which model of a provider suits a task, as name patterns in order of preference. */
const MODEL_HINTS: Record<string, RegExp[]> = {
  realtime: [/flash|mini|haiku|instant|8b|small/i],
  cheap: [/flash|mini|haiku|instant|8b|small|chat/i],
  code: [/coder|codestral|sonnet|opus|gpt-4|gpt-5|pro/i],
  reasoning: [/reason|o\d|r1|opus|pro|thinking/i],
  'long-context': [/pro|sonnet|gpt-4\.1|flash/i],
};

export function buildDefaultRoutes(
  available: readonly AvailableProvider[],
  localFallback?: { provider: string; model: string },
): Settings['routes'] {
  const cloud = available.filter((p) => p.kind !== 'ollama' && p.id !== localFallback?.provider && p.models.length > 0);
  const routes: Settings['routes'] = {};
  for (const task of BUILTIN_TASK_TYPES) {
    const ordered = orderProviders(cloud, PREFERENCES[task] ?? [], PREFERENCES.general ?? []);
    const targets: RouteTarget[] = ordered.map((p) => ({ provider: p.id, model: pickModel(p.models, MODEL_HINTS[task]) }));
    if (targets.length > 0) routes[task] = targets;
  }
  return routes;
}

function family(p: AvailableProvider): string {
  return (p.preset ?? p.id).toLowerCase();
}

function orderProviders(providers: AvailableProvider[], preferred: string[], general: string[]): AvailableProvider[] {
  const rank = (p: AvailableProvider): number => {
    const f = family(p);
    const i = preferred.findIndex((name) => f.startsWith(name));
    if (i >= 0) return i;
    const g = general.findIndex((name) => f.startsWith(name));
    return preferred.length + (g >= 0 ? g : general.length);
  };
  // Sort is stable, so providers of equal rank keep the order the user set up.
  return [...providers].sort((a, b) => rank(a) - rank(b));
}

function pickModel(models: string[], hints: RegExp[] | undefined): string {
  for (const hint of hints ?? []) {
    const found = models.find((m) => hint.test(m));
    if (found) return found;
  }
  return models[0] ?? '';
}
