/**
 * Messages answers: the whole message, or the event sequence the SDK checks
 * (message_start first; a content block per text run or tool call, each
 * started, filled and stopped; message_delta with the stop reason and the
 * cumulative output count; message_stop). Errors are `{type:'error',error:{type,message}}`.
 */
import { randomBytes } from 'node:crypto';
import type { AnswerMeta, FinalAnswer, StreamWriter, WireFormat } from './answer-writer.js';
import { argumentsObject } from '../main/core/providers/tools/json-args.js';
import { ANTHROPIC_STOP } from './finish-reason.js';
import { sseData } from './sse.js';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  503: 'overloaded_error',
};

const newId = () => `msg_${randomBytes(12).toString('hex')}`;

export const anthropicFormat: WireFormat = {
  errorBody: (status, message) => ({ type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } }),

  completion(meta: AnswerMeta, answer: FinalAnswer) {
    const content: Record<string, unknown>[] = answer.text === '' ? [] : [{ type: 'text', text: answer.text }];
    for (const c of answer.toolCalls) content.push({ type: 'tool_use', id: c.id, name: c.name, input: argumentsObject(c.arguments) });
    return {
      id: newId(),
      type: 'message',
      role: 'assistant',
      model: meta.model,
      content,
      stop_reason: ANTHROPIC_STOP[answer.finish],
      stop_sequence: null,
      usage: { input_tokens: answer.usage.inputTokens, output_tokens: answer.usage.outputTokens },
    };
  },

  stream(res, meta): StreamWriter {
    const send = (name: string, payload: Record<string, unknown>) => sseData(res, { type: name, ...payload }, name);
    send('message_start', {
      message: {
        id: newId(), type: 'message', role: 'assistant', model: meta.model, content: [],
        stop_reason: null, stop_sequence: null, usage: { input_tokens: meta.promptTokens, output_tokens: 0 },
      },
    });
    let index = -1;
    let textOpen = false;
    const closeText = () => {
      if (!textOpen) return;
      send('content_block_stop', { index });
      textOpen = false;
    };
    return {
      text(text) {
        if (!textOpen) {
          send('content_block_start', { index: ++index, content_block: { type: 'text', text: '' } });
          textOpen = true;
        }
        send('content_block_delta', { index, delta: { type: 'text_delta', text } });
      },
      toolCall(call) {
        closeText();
        send('content_block_start', { index: ++index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } });
        send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: call.arguments } });
        send('content_block_stop', { index });
      },
      end(answer) {
        closeText();
        send('message_delta', {
          delta: { stop_reason: ANTHROPIC_STOP[answer.finish], stop_sequence: null },
          usage: { input_tokens: answer.usage.inputTokens, output_tokens: answer.usage.outputTokens },
        });
        send('message_stop', {});
        res.end();
      },
      fail(message, overloaded) {
        send('error', { error: { type: overloaded ? 'overloaded_error' : 'api_error', message } });
        res.end();
      },
    };
  },
};
