/** Task type ids the user can pick: the built-in ones, then custom ones from settings. */
import type { Settings } from '../../../shared/settings.js';
import { BUILTIN_TASK_TYPES } from '../../../shared/task-types.js';

export function customTaskTypes(settings: Settings | undefined): string[] {
  if (!settings) return [];
  const builtin = new Set<string>(BUILTIN_TASK_TYPES);
  const ids = new Set([...Object.keys(settings.taskTypes), ...Object.keys(settings.routes)]);
  return [...ids].filter((id) => !builtin.has(id)).sort();
}

export function allTaskTypes(settings: Settings | undefined): string[] {
  return [...BUILTIN_TASK_TYPES, ...customTaskTypes(settings)];
}

export function taskLabel(settings: Settings | undefined, id: string): string {
  return settings?.taskTypes[id]?.label ?? id;
}
