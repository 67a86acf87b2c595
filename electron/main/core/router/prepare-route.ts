/** Everything decided before the first call: task type, options and the planned chain. Shared by route() and preview(). */
import type { Settings } from '../../../../shared/settings.js';
import { chooseTask, type TaskDecision } from './detect-task.js';
import { estimatePromptTokens } from './estimate-tokens.js';
import { borrowsGeneralRoute, type Plan, planChain, resolveRoute } from './plan.js';
import type { ProviderBook } from './provider-book.js';
import { type CheckContext, contextWindow } from './target-checks.js';
import { type TaskOptions, taskOptions } from './task-options.js';
import type { RouteRequest, RouterDeps } from './types.js';

export interface RouterCore {
  deps: RouterDeps;
  book: ProviderBook;
}

export interface PreparedRoute {
  settings: Settings;
  promptTokens: number;
  decision: TaskDecision;
  options: TaskOptions;
  check: CheckContext;
  plan: Plan;
}

export type RouteQuestion = Pick<RouteRequest, 'messages' | 'taskChoice' | 'provider' | 'model' | 'stickyProvider' | 'exclusive' | 'noFallback' | 'tools'>;

/** `draft`: settings not saved yet (the Routing tab's preview); else the settings in force. */
export function prepareRoute(core: RouterCore, request: RouteQuestion, draft?: Settings): PreparedRoute {
  const { deps, book } = core;
  const now = deps.clock.now();
  book.syncUsage(now);
  const settings = draft ?? deps.settings();
  const promptTokens = estimatePromptTokens(request.messages);
  const decision = chooseTask(request.taskChoice, request.messages, {
    // Only detection reads the window; a chosen task type needs no route lookup for it.
    contextWindow: request.taskChoice === 'auto' ? firstWindow(settings, deps) : undefined,
    promptTokens,
  });
  const options = taskOptions(settings, decision.taskType, borrowsGeneralRoute(settings, decision.taskType));
  const check: CheckContext = {
    settings,
    snapshot: book.snapshot,
    now,
    online: deps.online(),
    adapter: deps.adapter,
    price: deps.price,
    promptTokens,
    ...(request.tools && request.tools.length > 0 && deps.toolSupport ? { toolSupport: deps.toolSupport } : {}),
  };
  const plan = planChain({
    check,
    random: deps.random,
    taskType: decision.taskType,
    strategy: options.strategy,
    pinned: request.provider ? { provider: request.provider, model: request.model, exclusive: request.exclusive === true } : undefined,
    noFallback: request.noFallback === true,
    sticky: request.stickyProvider,
  });
  return { settings, promptTokens, decision, options, check, plan };
}

/** The context window of the first target a message would go to before detection. */
function firstWindow(settings: Settings, deps: RouterDeps): number | undefined {
  const first = resolveRoute(settings, 'general')[0];
  return first ? contextWindow({ price: deps.price }, first) : undefined;
}
