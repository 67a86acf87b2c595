/**
 * Our turns, tools and tool calls in Chat Completions' shape, and the assembly
 * of streamed tool-call deltas (id and name first, arguments in pieces, keyed by
 * `index`) into whole calls.
 */
import type {
  ChatCompletionChunk,
  ChatCompletionMessageParam,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions';
import type { ChatTurn, ToolCall, ToolChoice, ToolSpec } from '../types.js';

export function toOpenAiMessages(turns: ChatTurn[]): ChatCompletionMessageParam[] {
  return turns.map((turn): ChatCompletionMessageParam => {
    if (turn.role === 'tool') return { role: 'tool', tool_call_id: turn.toolCallId ?? '', content: turn.content };
    if (turn.role === 'assistant' && turn.toolCalls && turn.toolCalls.length > 0) {
      return {
        role: 'assistant',
        content: turn.content === '' ? null : turn.content,
        tool_calls: turn.toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
      };
    }
    return { role: turn.role, content: turn.content };
  });
}

export function toOpenAiTools(tools: ToolSpec[]): ChatCompletionTool[] {
  return tools.map((t) => ({
    type: 'function',
    function: { name: t.name, ...(t.description !== undefined ? { description: t.description } : {}), parameters: t.parameters },
  }));
}

export function toOpenAiToolChoice(choice: ToolChoice): ChatCompletionToolChoiceOption {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

type DeltaCall = NonNullable<NonNullable<ChatCompletionChunk['choices'][number]['delta']>['tool_calls']>[number];

/** Collects streamed tool-call pieces; `finish()` returns the whole calls in index order. */
export function toolCallAssembler(): { add(delta: DeltaCall): void; finish(): ToolCall[] } {
  const calls = new Map<number, ToolCall>();
  return {
    add(delta) {
      const call = calls.get(delta.index) ?? { id: '', name: '', arguments: '' };
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.arguments += delta.function.arguments;
      calls.set(delta.index, call);
    },
    finish: () => [...calls.entries()].sort(([a], [b]) => a - b).map(([, call]) => call),
  };
}
