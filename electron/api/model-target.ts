/**
 * The API's model names. `switchboard/<task>` (and plain `switchboard`, which is
 * `auto`) goes through the router; `provider/model` forces that target, with the
 * local fallback still last unless the caller says otherwise.
 */
import type { Settings } from '../../shared/settings.js';
import { presetOf } from '../main/core/provider-preset.js';
import type { Parsed } from './api-request.js';

export const VIRTUAL_PREFIX = 'switchboard';

export type ModelTarget = { kind: 'virtual'; task: string } | { kind: 'concrete'; provider: string; model: string };

export interface ModelNames {
  settings(): Settings;
  /** Task types with a route or options of their own, built-in ones included. */
  taskTypes(): string[];
}

export function resolveModel(name: string, names: ModelNames): Parsed<ModelTarget> {
  if (name === VIRTUAL_PREFIX) return { ok: true, value: { kind: 'virtual', task: 'auto' } };
  const slash = name.indexOf('/');
  if (slash <= 0 || slash === name.length - 1) {
    return { ok: false, param: 'model', message: `Unknown model "${name}". Use switchboard/auto, switchboard/<task type> or provider/model (GET /v1/models lists them).` };
  }
  const head = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  if (head === VIRTUAL_PREFIX) {
    const tasks = ['auto', ...names.taskTypes()];
    if (!tasks.includes(rest)) return { ok: false, param: 'model', message: `Unknown task type "${rest}". Known: ${tasks.join(', ')}.` };
    return { ok: true, value: { kind: 'virtual', task: rest } };
  }
  const provider = names.settings().providers.find((p) => p.id === head);
  if (!provider) return { ok: false, param: 'model', message: `No provider "${head}" is configured in Switchboard.` };
  if (!provider.enabled) return { ok: false, param: 'model', message: `The provider "${head}" is turned off in Switchboard's settings.` };
  return { ok: true, value: { kind: 'concrete', provider: head, model: rest } };
}

/** Every model the API offers: one virtual model per task type, then each configured `provider/model`. */
export function listModelIds(names: ModelNames): { id: string; owner: string }[] {
  const settings = names.settings();
  const ids = new Map<string, string>();
  ids.set(`${VIRTUAL_PREFIX}/auto`, VIRTUAL_PREFIX);
  for (const task of names.taskTypes()) ids.set(`${VIRTUAL_PREFIX}/${task}`, VIRTUAL_PREFIX);
  const add = (provider: string, model: string) => {
    if (settings.providers.some((p) => p.id === provider && p.enabled)) ids.set(`${provider}/${model}`, provider);
  };
  for (const p of settings.providers) {
    const models = p.models && p.models.length > 0 ? p.models : (presetOf(p)?.models.map((m) => m.id) ?? []);
    for (const model of models) add(p.id, model);
  }
  for (const targets of Object.values(settings.routes)) for (const t of targets) add(t.provider, t.model);
  if (settings.localFallback) add(settings.localFallback.provider, settings.localFallback.model);
  return [...ids].map(([id, owner]) => ({ id, owner }));
}
