/**
 * Our turns and tools in Ollama's /api/chat shape. Ollama sends each tool call
 * whole, with its arguments as an object and (in the versions ollama-js types)
 * no id, so one is made up for callers that answer by id.
 */
import { randomBytes } from 'node:crypto';
import type { Message, Tool, ToolCall as OllamaToolCall } from 'ollama';
import type { ChatTurn, ToolCall, ToolSpec } from '../types.js';
import { argumentsObject, argumentsText } from './json-args.js';

export function toOllamaMessages(turns: ChatTurn[]): Message[] {
  return turns.map((turn): Message => {
    if (turn.role === 'tool') return { role: 'tool', content: turn.content, ...(turn.toolName ? { tool_name: turn.toolName } : {}) };
    if (turn.toolCalls && turn.toolCalls.length > 0) {
      return {
        role: turn.role,
        content: turn.content,
        tool_calls: turn.toolCalls.map((c) => ({ function: { name: c.name, arguments: argumentsObject(c.arguments) } })),
      };
    }
    return { role: turn.role, content: turn.content };
  });
}

export function toOllamaTools(tools: ToolSpec[]): Tool[] {
  return tools.map((t) => ({
    type: 'function',
    function: { name: t.name, ...(t.description !== undefined ? { description: t.description } : {}), parameters: t.parameters as Tool['function']['parameters'] },
  }));
}

export function fromOllamaToolCall(call: OllamaToolCall): ToolCall {
  const id = (call as { id?: unknown }).id;
  return {
    id: typeof id === 'string' && id !== '' ? id : `call_${randomBytes(12).toString('hex')}`,
    name: call.function.name,
    arguments: argumentsText(call.function.arguments),
  };
}
