/**
 * Chat Completions answers: the whole completion, or chunks with `data:` lines
 * only, a role chunk first, a finish chunk with an empty delta, the usage chunk
 * (`choices: []`) when asked for, then `[DONE]`. Errors are `{error:{message,type,param,code}}`.
 */
import { randomBytes } from 'node:crypto';
import type { ToolCall } from '../main/core/providers/types.js';
import type { AnswerMeta, FinalAnswer, StreamWriter, WireFormat } from './answer-writer.js';
import { sseData } from './sse.js';

const ERROR_TYPES: Record<number, [type: string, code: string | null]> = {
  400: ['invalid_request_error', null],
  401: ['invalid_request_error', 'invalid_api_key'],
  403: ['invalid_request_error', null],
  404: ['invalid_request_error', 'not_found'],
  413: ['invalid_request_error', 'request_too_large'],
  429: ['rate_limit_exceeded', 'rate_limit_exceeded'],
};

const usageOf = (a: FinalAnswer) => ({
  prompt_tokens: a.usage.inputTokens,
  completion_tokens: a.usage.outputTokens,
  total_tokens: a.usage.inputTokens + a.usage.outputTokens,
});

const wireCall = (c: ToolCall) => ({ id: c.id, type: 'function' as const, function: { name: c.name, arguments: c.arguments } });

const newId = () => `chatcmpl-${randomBytes(12).toString('hex')}`;

export const openAiFormat: WireFormat = {
  errorBody(status, message, param) {
    const [type, code] = ERROR_TYPES[status] ?? ['server_error', null];
    return { error: { message, type, param: param ?? null, code } };
  },

  completion(meta: AnswerMeta, answer: FinalAnswer) {
    const message: Record<string, unknown> = { role: 'assistant', content: answer.toolCalls.length > 0 && answer.text === '' ? null : answer.text, refusal: null };
    if (answer.toolCalls.length > 0) message.tool_calls = answer.toolCalls.map(wireCall);
    return {
      id: newId(),
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: meta.model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: answer.finish }],
      usage: usageOf(answer),
      system_fingerprint: null,
    };
  },

  stream(res, meta, includeUsage): StreamWriter {
    const envelope = { id: newId(), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: meta.model, system_fingerprint: null };
    // With include_usage, every chunk carries `usage: null` until the last one, as OpenAI's do.
    const nullUsage = includeUsage ? { usage: null } : {};
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      sseData(res, { ...envelope, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...nullUsage });
    let calls = 0;
    chunk({ role: 'assistant', content: '' });
    return {
      text: (text) => chunk({ content: text }),
      toolCall: (call) => chunk({ tool_calls: [{ index: calls++, ...wireCall(call) }] }),
      end(answer) {
        chunk({}, answer.finish);
        if (includeUsage) sseData(res, { ...envelope, choices: [], usage: usageOf(answer) });
        sseData(res, '[DONE]');
        res.end();
      },
      fail(message) {
        sseData(res, { error: { message, type: 'server_error', param: null, code: 'server_error' } });
        res.end();
      },
    };
  },
};
