/** The router's public surface for the rest of the core. */
export { createRouter } from './router.js';
export { buildDefaultRoutes, type AvailableProvider } from './default-routes.js';
export { detectTask, chooseTask, type TaskDecision } from './detect-task.js';
export { createMemoryStateStore, type RouterSnapshot, type RouterStateStore, type FlaggedTarget } from './state.js';
export { DEFAULT_TIMEOUTS } from './task-options.js';
export * from './types.js';
