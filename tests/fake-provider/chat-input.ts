import { isRecord } from './http-io.js';

export interface ChatMessage {
  role: string;
  content: string;
}

/** Text of a message content: a plain string, or the text parts of a block list. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

/** Anthropic's tool results, which ride in a user message as `tool_result` blocks. */
function toolResults(content: unknown): ChatMessage[] {
  if (!Array.isArray(content)) return [];
  return content.filter((part) => isRecord(part) && part.type === 'tool_result').map((part) => ({ role: 'tool', content: contentText((part as Record<string, unknown>).content) }));
}

export function readMessages(body: Record<string, unknown>): ChatMessage[] {
  const raw = Array.isArray(body.messages) ? body.messages : [];
  const messages: ChatMessage[] = [];
  // Anthropic carries the system prompt outside the message list.
  if (body.system !== undefined) messages.push({ role: 'system', content: contentText(body.system) });
  for (const item of raw) {
    if (!isRecord(item)) continue;
    const results = toolResults(item.content);
    messages.push(...results);
    const text = contentText(item.content);
    // A user message that only carries tool results is recorded as those results.
    if (results.length === 0 || text !== '') messages.push({ role: typeof item.role === 'string' ? item.role : '', content: text });
  }
  return messages;
}

/** Deterministic stand-in for a tokenizer: about four characters per token. */
export function estimateInputTokens(messages: ChatMessage[]): number {
  const chars = messages.reduce((sum, message) => sum + message.content.length, 0);
  return Math.max(1, Math.ceil(chars / 4));
}

export function splitChunks(text: string, size: number): string[] {
  const step = Math.max(1, Math.floor(size));
  const chunks: string[] = [];
  // Split by code point so a chunk never ends inside a surrogate pair.
  const points = Array.from(text);
  for (let i = 0; i < points.length; i += step) chunks.push(points.slice(i, i + step).join(''));
  return chunks;
}
