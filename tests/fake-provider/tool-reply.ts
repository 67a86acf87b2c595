/**
 * When the fake answers with a tool call, as a model would. Real models decide
 * for themselves; the fake is deterministic: offered tools (and not told "none"),
 * with the conversation not yet holding a tool result, it calls the chosen tool
 * (or the first) with `{"query": <last user text>}`. After a tool result it
 * answers in text (`Tool said: <result>`, see default-reply.ts).
 */
import { isRecord, randomBase62 } from './http-io.js';
import type { Protocol, RecordedChat } from './types.js';

export interface FakeToolCall {
  id: string;
  name: string;
  /** JSON text, as OpenAI carries it. */
  arguments: string;
}

function toolNames(body: Record<string, unknown>): string[] {
  const tools = Array.isArray(body.tools) ? body.tools : [];
  return tools.flatMap((tool) => {
    if (!isRecord(tool)) return [];
    // OpenAI and Ollama: {type:'function', function:{name}}; Anthropic: {name}.
    const name = isRecord(tool.function) ? tool.function.name : tool.name;
    return typeof name === 'string' ? [name] : [];
  });
}

/** The tool a request's tool_choice names, `null` for "none", undefined for "any of them". */
function chosenTool(choice: unknown): string | null | undefined {
  if (choice === 'none') return null;
  if (!isRecord(choice)) return undefined;
  if (choice.type === 'none') return null;
  if (isRecord(choice.function) && typeof choice.function.name === 'string') return choice.function.name;
  if (choice.type === 'tool' && typeof choice.name === 'string') return choice.name;
  return undefined;
}

export function defaultToolCall(chat: RecordedChat, protocol: Protocol): FakeToolCall | undefined {
  const names = toolNames(chat.body);
  if (names.length === 0) return undefined;
  const chosen = chosenTool(chat.body.tool_choice);
  if (chosen === null) return undefined;
  if (chat.messages.some((m) => m.role === 'tool')) return undefined;
  const lastUser = [...chat.messages].reverse().find((m) => m.role === 'user');
  const name = chosen ?? (names[0] as string);
  const id = protocol === 'anthropic' ? `toolu_01${randomBase62(22)}` : `call_${randomBase62(24)}`;
  return { id, name, arguments: JSON.stringify({ query: lastUser?.content ?? '' }) };
}
