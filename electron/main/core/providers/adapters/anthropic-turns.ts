/**
 * Our turns in Anthropic's shape: system text goes top-level, and consecutive
 * turns of one role are merged because the API wants user/assistant alternating
 * and starting with a user turn. Tool calls become `tool_use` blocks and tool
 * results `tool_result` blocks in the user turn after them, results first, as
 * the API requires.
 */
import type { ContentBlockParam, ToolChoice as AnthropicToolChoice, Tool } from '@anthropic-ai/sdk/resources/messages/messages';
import type { ChatTurn, ToolChoice, ToolSpec } from '../types.js';
import { argumentsObject } from '../tools/json-args.js';

type Content = string | ContentBlockParam[];

export interface AnthropicTurns {
  system?: string;
  messages: { role: 'user' | 'assistant'; content: Content }[];
}

function blocksOf(turn: ChatTurn): ContentBlockParam[] {
  if (turn.role === 'tool') return [{ type: 'tool_result', tool_use_id: turn.toolCallId ?? '', content: turn.content }];
  const blocks: ContentBlockParam[] = turn.content === '' ? [] : [{ type: 'text', text: turn.content }];
  for (const call of turn.toolCalls ?? []) blocks.push({ type: 'tool_use', id: call.id, name: call.name, input: argumentsObject(call.arguments) });
  return blocks;
}

const plain = (turn: ChatTurn): boolean => turn.role !== 'tool' && !turn.toolCalls?.length;

function merge(into: Content, turn: ChatTurn): Content {
  if (typeof into === 'string' && plain(turn)) return `${into}\n\n${turn.content}`;
  const before: ContentBlockParam[] = typeof into === 'string' ? (into === '' ? [] : [{ type: 'text', text: into }]) : into;
  return [...before, ...blocksOf(turn)];
}

export function toAnthropicTurns(turns: ChatTurn[]): AnthropicTurns {
  const system = turns.filter((t) => t.role === 'system').map((t) => t.content);
  const messages: AnthropicTurns['messages'] = [];
  for (const turn of turns) {
    if (turn.role === 'system') continue;
    const role = turn.role === 'assistant' ? 'assistant' : 'user';
    const last = messages[messages.length - 1];
    if (last && last.role === role) last.content = merge(last.content, turn);
    else messages.push({ role, content: plain(turn) ? turn.content : blocksOf(turn) });
  }
  if (messages[0]?.role === 'assistant') messages.unshift({ role: 'user', content: '(continue)' });
  return system.length > 0 ? { system: system.join('\n\n'), messages } : { messages };
}

export function toAnthropicTools(tools: ToolSpec[]): Tool[] {
  return tools.map((t) => ({
    name: t.name,
    ...(t.description !== undefined ? { description: t.description } : {}),
    input_schema: { ...t.parameters, type: 'object' },
  }));
}

export function toAnthropicToolChoice(choice: ToolChoice): AnthropicToolChoice {
  if (choice === 'auto') return { type: 'auto' };
  if (choice === 'none') return { type: 'none' };
  if (choice === 'required') return { type: 'any' };
  return { type: 'tool', name: choice.name };
}
