/**
 * A Messages request into an ApiChat: the top-level system prompt first, then
 * each turn; `tool_use` blocks become the assistant's tool calls and
 * `tool_result` blocks become tool turns, in the order they came.
 */
import { z } from 'zod';
import type { ChatTurn, ToolCall, ToolChoice } from '../main/core/providers/types.js';
import { argumentsText } from '../main/core/providers/tools/json-args.js';
import { describeZodError } from '../../shared/settings.js';
import { type ApiChat, invalid, type Parsed } from './api-request.js';

const Block = z.object({ type: z.string() }).passthrough();
const TextBlocks = z.union([z.string(), z.array(Block)]);

const Request = z
  .object({
    model: z.string().min(1),
    max_tokens: z.number().int().positive().optional(),
    messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: TextBlocks }).passthrough()).min(1),
    system: TextBlocks.optional(),
    stream: z.boolean().optional(),
    temperature: z.number().min(0).max(1).optional(),
    tools: z
      .array(z.object({ name: z.string().min(1), description: z.string().optional(), input_schema: z.record(z.string(), z.unknown()).optional() }).passthrough())
      .optional(),
    tool_choice: z
      .union([
        z.object({ type: z.enum(['auto', 'any', 'none']) }).passthrough(),
        z.object({ type: z.literal('tool'), name: z.string() }).passthrough(),
      ])
      .optional(),
  })
  .passthrough();

type Blocks = z.infer<typeof TextBlocks>;

const isText = (b: z.infer<typeof Block>): b is z.infer<typeof Block> & { text: string } => b.type === 'text' && typeof b.text === 'string';

function plainText(content: Blocks | undefined, where: string): Parsed<string> {
  if (content === undefined) return { ok: true, value: '' };
  if (typeof content === 'string') return { ok: true, value: content };
  let text = '';
  for (const block of content) {
    if (!isText(block)) return invalid(`${where}: only text blocks are supported here, not "${block.type}"`, where);
    text += block.text;
  }
  return { ok: true, value: text };
}

/** One Anthropic message may hold text, tool calls and tool results; ours are separate turns. */
function turnsOf(role: 'user' | 'assistant', content: Blocks, where: string): Parsed<ChatTurn[]> {
  if (typeof content === 'string') return { ok: true, value: [{ role, content }] };
  const turns: ChatTurn[] = [];
  let text = '';
  const calls: ToolCall[] = [];
  for (const [i, block] of content.entries()) {
    if (isText(block)) text += block.text;
    else if (block.type === 'tool_use' && role === 'assistant' && typeof block.id === 'string' && typeof block.name === 'string') {
      calls.push({ id: block.id, name: block.name, arguments: argumentsText(block.input) });
    } else if (block.type === 'tool_result' && role === 'user' && typeof block.tool_use_id === 'string') {
      const result = plainText(block.content as Blocks | undefined, `${where}[${i}].content`);
      if (!result.ok) return result;
      turns.push({ role: 'tool', content: result.value, toolCallId: block.tool_use_id });
    } else if (block.type !== 'thinking' && block.type !== 'redacted_thinking') {
      return invalid(`${where}[${i}]: "${block.type}" blocks are not supported`, where);
    }
  }
  if (text !== '' || calls.length > 0 || turns.length === 0) {
    turns.push(calls.length > 0 ? { role, content: text, toolCalls: calls } : { role, content: text });
  }
  return { ok: true, value: turns };
}

function toolChoice(choice: NonNullable<z.infer<typeof Request>['tool_choice']>): ToolChoice {
  if (choice.type === 'tool') return { name: (choice as { name: string }).name };
  return choice.type === 'any' ? 'required' : choice.type;
}

/** `needsMaxTokens`: /v1/messages requires it, as Anthropic does; count_tokens does not. */
export function parseAnthropicMessages(body: unknown, needsMaxTokens = true): Parsed<ApiChat> {
  const parsed = Request.safeParse(body);
  if (!parsed.success) return invalid(describeZodError(parsed.error), parsed.error.issues[0]?.path.join('.'));
  const r = parsed.data;
  if (needsMaxTokens && r.max_tokens === undefined) return invalid('max_tokens: Field required', 'max_tokens');
  const messages: ChatTurn[] = [];
  const system = plainText(r.system, 'system');
  if (!system.ok) return system;
  if (system.value !== '') messages.push({ role: 'system', content: system.value });
  for (const [i, m] of r.messages.entries()) {
    const turns = turnsOf(m.role, m.content, `messages[${i}].content`);
    if (!turns.ok) return turns;
    messages.push(...turns.value);
  }
  const chat: ApiChat = { model: r.model, messages, stream: r.stream === true, includeUsage: true };
  if (r.max_tokens !== undefined) chat.maxTokens = r.max_tokens;
  if (r.temperature !== undefined) chat.temperature = r.temperature;
  if (r.tools && r.tools.length > 0) {
    chat.tools = r.tools.map((t) => ({
      name: t.name,
      ...(t.description !== undefined ? { description: t.description } : {}),
      parameters: t.input_schema ?? { type: 'object', properties: {} },
    }));
    if (r.tool_choice) chat.toolChoice = toolChoice(r.tool_choice);
  }
  return { ok: true, value: chat };
}
