/**
 * The task type, provider and model a message goes with. Picked for one message
 * they are forgotten after it; kept for the conversation they are its pins,
 * stored with it (conversations.update), and every later message uses them.
 */
import type { ConversationSummary } from '../../../shared/chat.js';
import type { Preset } from '../../../shared/settings.js';

export interface RoutePicks {
  taskType: string;
  provider: string;
  model: string;
}

export const ROUTED: RoutePicks = { taskType: 'auto', provider: '', model: '' };

export function isRouted(p: RoutePicks): boolean {
  return p.taskType === 'auto' && p.provider === '';
}

export function picksOf(c: Pick<ConversationSummary, 'taskPin' | 'providerPin' | 'modelPin'>): RoutePicks {
  return { taskType: c.taskPin ?? 'auto', provider: c.providerPin ?? '', model: c.providerPin ? (c.modelPin ?? '') : '' };
}

/** A new chat's pins: the ones set for it, else what its preset pins on creation. */
export function newChatPicks(pins: RoutePicks | undefined, preset: Pick<Preset, 'defaultTaskType'> | undefined): RoutePicks {
  return pins ?? { ...ROUTED, taskType: preset?.defaultTaskType ?? 'auto' };
}

/** The conversations.update fields that store these picks as pins (null clears one). */
export function pinPatch(p: RoutePicks): { taskPin: string | null; providerPin: string | null; modelPin: string | null } {
  return {
    taskPin: p.taskType === 'auto' ? null : p.taskType,
    providerPin: p.provider || null,
    modelPin: p.provider && p.model ? p.model : null,
  };
}

/** What chat.send takes from them. */
export function sendFields(p: RoutePicks): { taskType: string; provider?: string; model?: string } {
  return {
    taskType: p.taskType,
    ...(p.provider ? { provider: p.provider } : {}),
    ...(p.provider && p.model ? { model: p.model } : {}),
  };
}
