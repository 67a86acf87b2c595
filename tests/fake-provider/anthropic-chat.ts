import type { Answer, ChatDialect } from './chat-flow.js';
import { isRecord, randomBase62 } from './http-io.js';

const event = (name: string, payload: unknown): string => `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;

const stopReason = (answer: Answer): string => (answer.truncated ? 'max_tokens' : answer.toolCall ? 'tool_use' : 'end_turn');

function argumentsObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function usage(answer: Answer, outputTokens: number): Record<string, unknown> {
  return {
    input_tokens: answer.inputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}

export const anthropicDialect: ChatDialect = {
  streamByDefault: false,
  // A final assistant turn is a prefill (with extended thinking it is refused below).
  continuesPrefill: () => true,
  maxTokens: (body) => (typeof body.max_tokens === 'number' ? body.max_tokens : undefined),
  reject: (body, request) => {
    if (typeof body.max_tokens !== 'number') return { status: 400, message: 'max_tokens: Field required' };
    if (!request.messages.some((m) => m.role !== 'system')) return { status: 400, message: 'messages: at least one message is required' };
    const last = request.messages[request.messages.length - 1];
    // The real API refuses a prefill ending in whitespace; a resuming client must trim it.
    if (last?.role === 'assistant' && /\s$/.test(last.content)) {
      return { status: 400, message: 'messages: final assistant content cannot end with trailing whitespace' };
    }
    // Extended thinking wants the final assistant turn to start with a thinking block: no text prefill.
    if (last?.role === 'assistant' && isRecord(body.thinking) && body.thinking.type === 'enabled') {
      return { status: 400, message: 'When `thinking` is enabled, a final `assistant` message must start with a thinking block' };
    }
    return undefined;
  },
  streamPlan: (answer, ex) => {
    const message = {
      id: `msg_01${randomBase62(22)}`,
      type: 'message',
      role: 'assistant',
      model: answer.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: usage(answer, 1),
    };
    const call = answer.toolCall;
    // A tool_use block starts with an empty input; the input then streams as JSON pieces.
    const block = call ? { type: 'tool_use', id: call.id, name: call.name, input: {} } : { type: 'text', text: '' };
    const delta = (text: string) => (call ? { type: 'input_json_delta', partial_json: text } : { type: 'text_delta', text });
    return {
      contentType: 'text/event-stream; charset=utf-8',
      headers: ex.headers,
      head: [
        event('message_start', { type: 'message_start', message }),
        event('content_block_start', { type: 'content_block_start', index: 0, content_block: block }),
        'event: ping\ndata: {"type": "ping"}\n\n',
        ...(call ? [event('content_block_delta', { type: 'content_block_delta', index: 0, delta: delta('') })] : []),
      ],
      chunks: answer.chunks.map((text) =>
        event('content_block_delta', { type: 'content_block_delta', index: 0, delta: delta(text) })),
      tail: [
        event('content_block_stop', { type: 'content_block_stop', index: 0 }),
        // output_tokens here is cumulative: the SDK replaces its count with it.
        event('message_delta', { type: 'message_delta', delta: { stop_reason: stopReason(answer), stop_sequence: null }, usage: { output_tokens: answer.outputTokens } }),
        event('message_stop', { type: 'message_stop' }),
      ],
      errorFrame: (text) => event('error', { type: 'error', error: { type: 'overloaded_error', message: text ?? 'Overloaded' } }),
      malformedFrame: 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"\n\n',
      onComplete: () => answer.report({ inputTokens: answer.inputTokens, outputTokens: answer.outputTokens }),
    };
  },
  bodyPlan: (answer, ex) => {
    const build = (text: string, stop: string | null, outputTokens: number): Record<string, unknown> => ({
      id: `msg_01${randomBase62(22)}`,
      type: 'message',
      role: 'assistant',
      model: answer.model,
      content: [answer.toolCall ? { type: 'tool_use', id: answer.toolCall.id, name: answer.toolCall.name, input: argumentsObject(text) } : { type: 'text', text }],
      stop_reason: stop,
      stop_sequence: null,
      usage: usage(answer, outputTokens),
    });
    return {
      headers: ex.headers,
      body: build(answer.text, stopReason(answer), answer.outputTokens),
      chunkCount: answer.chunks.length,
      unfinished: (n) => build(answer.chunks.slice(0, n).join(''), null, Math.min(n, answer.chunks.length)),
      failure: (text) => ({ status: 529, body: ex.errorBody({ status: 529, message: text, model: answer.model, requestId: ex.requestId }), headers: {} }),
      onComplete: () => answer.report({ inputTokens: answer.inputTokens, outputTokens: answer.outputTokens }),
    };
  },
};
