/**
 * Ollama on ollama-js. Usage comes from the final object's `prompt_eval_count`
 * and `eval_count`; a stream without a `done:true` object was cut (ollama-js
 * throws, and we check too). ollama-js takes no signal per request and never
 * shows headers or status, so each call gets a client on its own fetch tap.
 */
import type { ChatResponse } from 'ollama';
import type { Usage } from '../../../../../shared/chat.js';
import { realClock, type Clock } from '../../clock.js';
import { presetForProvider } from '../catalog/catalog.js';
import { ollamaFailure } from '../errors/ollama-errors.js';
import { ollamaClient } from '../ollama/ollama-client.js';
import type { AdapterConfig, ChatRequest, ProviderAdapter, StreamEvent } from '../types.js';
import { noAnswer, unfinished } from './adapter-support.js';
import { withContinuation } from './continuation.js';
import { openEvent } from './open-event.js';
import { assembleAdapter, type SdkCall } from './assemble-adapter.js';
import { reachedBody, tapFetch, type ResponseTap } from './response-tap.js';
import { fromOllamaToolCall, toOllamaMessages, toOllamaTools } from '../tools/ollama-wire.js';

function usageOf(part: Partial<ChatResponse>): Usage | undefined {
  if (typeof part.prompt_eval_count !== 'number' && typeof part.eval_count !== 'number') return undefined;
  return { inputTokens: part.prompt_eval_count ?? 0, outputTokens: part.eval_count ?? 0 };
}

export function createOllamaAdapter(config: AdapterConfig, clock: Clock = realClock): ProviderAdapter {
  const preset = presetForProvider(config);
  const target = { baseURL: config.baseURL, apiKey: config.apiKey, headers: config.headers };

  const body = (request: ChatRequest) => {
    const { messages, fresh } = withContinuation(request.messages, request.continueFrom, 'native');
    const options: { temperature?: number; num_predict?: number } = {};
    if (request.temperature !== undefined) options.temperature = request.temperature;
    if (request.maxTokens !== undefined) options.num_predict = request.maxTokens;
    // Ollama has no tool_choice: with tools offered, the model decides; "none" sends none.
    const tools = request.tools && request.tools.length > 0 && request.toolChoice !== 'none' ? { tools: toOllamaTools(request.tools) } : {};
    return { params: { model: request.model, messages: toOllamaMessages(messages), options, ...tools }, fresh };
  };

  const tapOf = (call: SdkCall): ResponseTap => tapFetch(config.fetch, call.signal, { strictNdjson: true });
  // What the tap saw is known only here, so this adapter maps its own failures.
  const failure = (error: unknown, tap: ResponseTap) =>
    ollamaFailure(error, { provider: config.id, now: clock.now(), afterHeaders: reachedBody(tap), response: tap.last });
  const opened = (tap: ResponseTap) => openEvent(tap.last?.headers.get('x-request-id'), tap.last?.headers, clock.now());

  async function* streamSource(request: ChatRequest, call: SdkCall): AsyncIterable<StreamEvent> {
    const { params, fresh } = body(request);
    const tap = tapOf(call);
    try {
      const parts = await ollamaClient(target, tap).chat({ ...params, stream: true });
      yield opened(tap);
      let final: ChatResponse | undefined;
      for await (const part of parts) {
        const piece = part.message?.content;
        if (piece) yield { type: 'text', text: fresh(piece) };
        for (const toolCall of part.message?.tool_calls ?? []) yield { type: 'tool_call', call: fromOllamaToolCall(toolCall) };
        if (part.done) final = part;
      }
      if (!final) return; // no done object: the guard reports the cut stream
      yield { type: 'done', usage: usageOf(final), finishReason: final.done_reason || undefined };
    } catch (error) {
      throw failure(error, tap);
    }
  }

  async function* completeSource(request: ChatRequest, call: SdkCall): AsyncIterable<StreamEvent> {
    const { params, fresh } = body(request);
    const tap = tapOf(call);
    const reply = await ollamaClient(target, tap).chat({ ...params, stream: false }).catch((error: unknown) => {
      throw failure(error, tap);
    });
    yield opened(tap);
    if (typeof reply?.message?.content !== 'string') {
      throw noAnswer(config.id, undefined);
    }
    const text = fresh(reply.message.content);
    if (reply.done === false) throw unfinished(config.id, text, undefined);
    yield { type: 'text', text };
    for (const toolCall of reply.message.tool_calls ?? []) yield { type: 'tool_call', call: fromOllamaToolCall(toolCall) };
    yield { type: 'done', usage: usageOf(reply), finishReason: reply.done_reason || undefined };
  }

  return assembleAdapter({
    config,
    clock,
    presetId: preset?.id ?? 'ollama',
    failure: ollamaFailure,
    streamSource,
    completeSource,
    listIds: async (call) => {
      const tap = tapOf(call);
      const { models } = await ollamaClient(target, tap).list().catch((error: unknown) => {
        throw failure(error, tap);
      });
      return models.map((model) => model.name);
    },
  });
}
