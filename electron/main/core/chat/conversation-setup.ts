/**
 * What a conversation's setup adds to each of its requests: the system prompt as
 * the first turn (each adapter puts it where its wire protocol wants it, e.g.
 * Anthropic's top-level `system`) and its generation settings.
 */
import type { ConversationSummary } from '../../../../shared/chat.js';
import type { Preset } from '../../../../shared/settings.js';
import type { ChatTurn } from '../providers/types.js';
import type { RouteRequest } from '../router/types.js';
import type { ConversationPatch } from '../store/conversations/conversation-setup.js';

type Setup = Pick<ConversationSummary, 'systemPrompt' | 'temperature' | 'maxOutputTokens'>;

/** The setup a new conversation starts with; a system prompt typed for it wins over its preset's. */
export function newConversationSetup(presets: readonly Preset[], presetId: string | undefined, systemPrompt: string | undefined): ConversationPatch {
  const preset = presetId === undefined ? undefined : presets.find((p) => p.id === presetId);
  if (presetId !== undefined && !preset) throw new Error('That preset no longer exists; choose another or start a plain chat.');
  const patch: ConversationPatch = {};
  const system = systemPrompt ?? preset?.systemPrompt;
  if (system?.trim()) patch.systemPrompt = system;
  if (preset?.temperature !== undefined) patch.temperature = preset.temperature;
  if (preset?.maxOutputTokens !== undefined) patch.maxOutputTokens = preset.maxOutputTokens;
  if (preset && preset.defaultTaskType !== 'auto') patch.taskPin = preset.defaultTaskType;
  return patch;
}

/** Summary-shaped, for a conversation that is never stored (the CLI's ask without --save). */
export function setupFields(patch: ConversationPatch): Setup {
  return {
    ...(patch.systemPrompt ? { systemPrompt: patch.systemPrompt } : {}),
    ...(typeof patch.temperature === 'number' ? { temperature: patch.temperature } : {}),
    ...(typeof patch.maxOutputTokens === 'number' ? { maxOutputTokens: patch.maxOutputTokens } : {}),
  };
}

export function withSetup(turns: ChatTurn[], setup: Setup | undefined): Pick<RouteRequest, 'messages' | 'temperature' | 'maxTokens'> {
  if (!setup) return { messages: turns };
  return {
    messages: setup.systemPrompt ? [{ role: 'system', content: setup.systemPrompt }, ...turns] : turns,
    ...(setup.temperature !== undefined ? { temperature: setup.temperature } : {}),
    ...(setup.maxOutputTokens !== undefined ? { maxTokens: setup.maxOutputTokens } : {}),
  };
}
