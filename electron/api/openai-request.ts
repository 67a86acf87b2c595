/**
 * A Chat Completions request into an ApiChat. Unknown fields are ignored, as
 * OpenAI-compatible servers do; a field we cannot honour (images, n > 1) is
 * refused in words rather than silently dropped.
 */
import { z } from 'zod';
import type { ChatTurn, ToolCall, ToolChoice } from '../main/core/providers/types.js';
import { describeZodError } from '../../shared/settings.js';
import { type ApiChat, invalid, type Parsed } from './api-request.js';

const TextPart = z.object({ type: z.literal('text'), text: z.string() }).passthrough();
const Required = z.union([z.string(), z.array(z.object({ type: z.string() }).passthrough())]);
// Only an assistant turn that calls tools may come without content.
const Content = z.union([Required, z.null()]).optional();

const ToolCallSchema = z
  .object({ id: z.string(), type: z.literal('function').optional(), function: z.object({ name: z.string(), arguments: z.string().default('') }) })
  .passthrough();

const Message = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: Required }).passthrough(),
  z.object({ role: z.literal('developer'), content: Required }).passthrough(),
  z.object({ role: z.literal('user'), content: Required }).passthrough(),
  z.object({ role: z.literal('assistant'), content: Content, tool_calls: z.array(ToolCallSchema).optional() }).passthrough(),
  z.object({ role: z.literal('tool'), content: Required, tool_call_id: z.string() }).passthrough(),
]);

const Tool = z
  .object({
    type: z.literal('function'),
    function: z.object({ name: z.string().min(1), description: z.string().optional(), parameters: z.record(z.string(), z.unknown()).optional() }).passthrough(),
  })
  .passthrough();

const ToolChoiceSchema = z.union([
  z.enum(['auto', 'none', 'required']),
  z.object({ type: z.literal('function'), function: z.object({ name: z.string() }) }).passthrough(),
]);

const Request = z
  .object({
    model: z.string().min(1),
    messages: z.array(Message).min(1),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).passthrough().nullish(),
    max_tokens: z.number().int().positive().nullish(),
    max_completion_tokens: z.number().int().positive().nullish(),
    temperature: z.number().min(0).max(2).nullish(),
    n: z.number().int().nullish(),
    tools: z.array(Tool).nullish(),
    tool_choice: ToolChoiceSchema.nullish(),
  })
  .passthrough();

type Parts = z.infer<typeof Content>;

function textOf(content: Parts, where: string): Parsed<string> {
  if (content === undefined || content === null) return { ok: true, value: '' };
  if (typeof content === 'string') return { ok: true, value: content };
  let text = '';
  for (const part of content) {
    const parsed = TextPart.safeParse(part);
    if (!parsed.success) return invalid(`${where}: only text content is supported, not "${part.type}"`, where);
    text += parsed.data.text;
  }
  return { ok: true, value: text };
}

function toolCalls(calls: z.infer<typeof ToolCallSchema>[] | undefined): ToolCall[] | undefined {
  if (!calls || calls.length === 0) return undefined;
  return calls.map((c) => ({ id: c.id, name: c.function.name, arguments: c.function.arguments }));
}

export function parseOpenAiChat(body: unknown): Parsed<ApiChat> {
  const parsed = Request.safeParse(body);
  if (!parsed.success) return invalid(describeZodError(parsed.error), parsed.error.issues[0]?.path.join('.'));
  const r = parsed.data;
  if (r.n !== undefined && r.n !== null && r.n !== 1) return invalid('n: only one choice per request is supported', 'n');
  const messages: ChatTurn[] = [];
  for (const [i, m] of r.messages.entries()) {
    const text = textOf(m.content, `messages[${i}].content`);
    if (!text.ok) return text;
    if (m.role === 'tool') messages.push({ role: 'tool', content: text.value, toolCallId: m.tool_call_id });
    else if (m.role === 'assistant') {
      const calls = toolCalls(m.tool_calls);
      messages.push(calls ? { role: 'assistant', content: text.value, toolCalls: calls } : { role: 'assistant', content: text.value });
    } else messages.push({ role: m.role === 'developer' ? 'system' : m.role, content: text.value });
  }
  const chat: ApiChat = { model: r.model, messages, stream: r.stream === true, includeUsage: r.stream_options?.include_usage === true };
  if (r.tools && r.tools.length > 0) {
    chat.tools = r.tools.map((t) => ({
      name: t.function.name,
      ...(t.function.description !== undefined ? { description: t.function.description } : {}),
      parameters: t.function.parameters ?? { type: 'object', properties: {} },
    }));
  }
  if (r.tool_choice) chat.toolChoice = typeof r.tool_choice === 'string' ? r.tool_choice : ({ name: r.tool_choice.function.name } satisfies ToolChoice);
  const maxTokens = r.max_completion_tokens ?? r.max_tokens;
  if (maxTokens !== undefined && maxTokens !== null) chat.maxTokens = maxTokens;
  if (r.temperature !== undefined && r.temperature !== null) chat.temperature = r.temperature;
  return { ok: true, value: chat };
}
