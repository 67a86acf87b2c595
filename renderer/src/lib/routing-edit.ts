/** Immutable edits of routes and task type options in a settings draft. */
import type { RouteTarget, Settings, TaskTypeOptions } from '../../../shared/settings.js';
import { BUILTIN_TASK_TYPES, TaskTypeIdSchema } from '../../../shared/task-types.js';

export const DEFAULT_OPTIONS: TaskTypeOptions = { strategy: 'ordered' };

export function optionsOf(settings: Settings, task: string): TaskTypeOptions {
  return settings.taskTypes[task] ?? DEFAULT_OPTIONS;
}

export function setTargets(settings: Settings, task: string, targets: RouteTarget[]): Settings {
  return { ...settings, routes: { ...settings.routes, [task]: targets } };
}

export function setOptions(settings: Settings, task: string, options: TaskTypeOptions): Settings {
  return { ...settings, taskTypes: { ...settings.taskTypes, [task]: options } };
}

/** Returns the new settings, or the reason the id cannot be used. */
export function addTaskType(settings: Settings, rawId: string, label: string): Settings | string {
  const parsed = TaskTypeIdSchema.safeParse(rawId.trim());
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid task type id';
  const id = parsed.data;
  if ((BUILTIN_TASK_TYPES as readonly string[]).includes(id) || id in settings.taskTypes || id in settings.routes) {
    return `a task type "${id}" already exists`;
  }
  const options: TaskTypeOptions = label.trim() ? { ...DEFAULT_OPTIONS, label: label.trim() } : DEFAULT_OPTIONS;
  return { ...settings, taskTypes: { ...settings.taskTypes, [id]: options }, routes: { ...settings.routes, [id]: [] } };
}

export function removeTaskType(settings: Settings, id: string): Settings {
  const taskTypes = { ...settings.taskTypes };
  const routes = { ...settings.routes };
  delete taskTypes[id];
  delete routes[id];
  return { ...settings, taskTypes, routes };
}
