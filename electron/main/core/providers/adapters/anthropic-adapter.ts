/**
 * Anthropic on `@anthropic-ai/sdk`. Usage is the message_start input count plus
 * the cumulative output count of the last message_delta; a stream without
 * message_stop was cut. A `refusal` stop is a content_filter failure.
 */
import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import type { Usage } from '../../../../../shared/chat.js';
import { realClock, type Clock } from '../../clock.js';
import { presetForProvider } from '../catalog/catalog.js';
import { anthropicFailure } from '../errors/anthropic-errors.js';
import { ProviderError } from '../provider-error.js';
import type { AdapterConfig, ChatRequest, ProviderAdapter, StreamEvent } from '../types.js';
import { noAnswer, unfinished } from './adapter-support.js';
import { toAnthropicToolChoice, toAnthropicTools, toAnthropicTurns } from './anthropic-turns.js';
import { argumentsText } from '../tools/json-args.js';
import { withContinuation } from './continuation.js';
import { openEvent } from './open-event.js';
import { assembleAdapter, type SdkCall } from './assemble-adapter.js';

/** Anthropic requires max_tokens; this is what we ask for when the caller sets none. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

export function createAnthropicAdapter(config: AdapterConfig, clock: Clock = realClock): ProviderAdapter {
  const preset = presetForProvider(config);

  // Without an explicit key the SDK would go looking in env vars and profile files, so there is no client.
  const client = config.apiKey
    ? new Anthropic({
        apiKey: config.apiKey,
        baseURL: config.baseURL,
        // The router decides what to try next.
        maxRetries: 0,
        // Failures reach the user as ProviderErrors; SDK console output is only noise.
        logLevel: 'off',
        ...(config.fetch ? { fetch: config.fetch } : {}),
        defaultHeaders: { ...preset?.headers, ...config.headers },
      })
    : undefined;
  const sdk = (): Anthropic => {
    if (!client) throw new ProviderError({ kind: 'auth', provider: config.id, message: 'No API key is set for this provider' });
    return client;
  };
  const sent = (call: SdkCall) => ({ signal: call.signal, timeout: call.timeoutMs });

  const body = (request: ChatRequest): { params: MessageCreateParamsBase; fresh: (t: string) => string } => {
    const { messages, fresh } = withContinuation(request.messages, request.continueFrom, 'native', true);
    const turns = toAnthropicTurns(messages);
    const params: MessageCreateParamsBase = {
      model: request.model,
      max_tokens: request.maxTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
      messages: turns.messages,
    };
    if (turns.system !== undefined) params.system = turns.system;
    if (request.tools && request.tools.length > 0) {
      params.tools = toAnthropicTools(request.tools);
      if (request.toolChoice !== undefined) params.tool_choice = toAnthropicToolChoice(request.toolChoice);
    }
    // The pinned SDK's request type has no `temperature` any more, so it is not sent.
    return { params, fresh };
  };

  const refused = (partial: string, requestId: string | undefined): ProviderError =>
    new ProviderError({ kind: 'content_filter', provider: config.id, message: 'The model refused to answer (stop_reason: refusal)', requestId, partialText: partial || undefined });

  async function* streamSource(request: ChatRequest, call: SdkCall): AsyncIterable<StreamEvent> {
    const { params, fresh } = body(request);
    const { data, response, request_id } = await sdk().messages.create({ ...params, stream: true }, sent(call)).withResponse();
    const open = openEvent(request_id, response.headers, clock.now());
    const requestId = open.requestId;
    yield open;
    let inputTokens: number | undefined;
    let outputTokens = 0;
    let stopReason: string | undefined;
    let stopped = false;
    // A tool_use block's input arrives as JSON pieces; it is passed on whole at its block's end.
    let tool: { id: string; name: string; json: string; index: number } | undefined;
    for await (const event of data) {
      if (event.type === 'message_start') {
        inputTokens = event.message.usage.input_tokens;
        outputTokens = event.message.usage.output_tokens;
      } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        yield { type: 'text', text: fresh(event.delta.text) };
      } else if (event.type === 'content_block_start' && event.content_block.type === 'tool_use') {
        tool = { id: event.content_block.id, name: event.content_block.name, json: '', index: event.index };
      } else if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta' && tool) {
        tool.json += event.delta.partial_json;
      } else if (event.type === 'content_block_stop' && tool && tool.index === event.index) {
        yield { type: 'tool_call', call: { id: tool.id, name: tool.name, arguments: tool.json === '' ? '{}' : tool.json } };
        tool = undefined;
      } else if (event.type === 'message_delta') {
        stopReason = event.delta.stop_reason ?? stopReason;
        // Cumulative totals: assign, never add.
        outputTokens = event.usage.output_tokens;
        if (typeof event.usage.input_tokens === 'number') inputTokens = event.usage.input_tokens;
      } else if (event.type === 'message_stop') {
        stopped = true;
      }
    }
    if (!stopped) return; // no message_stop: the guard reports the cut stream
    // The stream guard attaches the text already passed on.
    if (stopReason === 'refusal') throw refused('', requestId);
    const usage: Usage | undefined = inputTokens === undefined ? undefined : { inputTokens, outputTokens };
    yield { type: 'done', usage, finishReason: stopReason, requestId };
  }

  async function* completeSource(request: ChatRequest, call: SdkCall): AsyncIterable<StreamEvent> {
    const { params, fresh } = body(request);
    const { data, response, request_id } = await sdk().messages.create({ ...params, stream: false }, sent(call)).withResponse();
    const open = openEvent(request_id, response.headers, clock.now());
    const requestId = open.requestId;
    yield open;
    if (!Array.isArray(data?.content)) {
      throw noAnswer(config.id, requestId);
    }
    const text = fresh(data.content.map((block) => (block.type === 'text' ? block.text : '')).join(''));
    if (data.stop_reason === 'refusal') throw refused(text, requestId);
    if (!data.stop_reason) throw unfinished(config.id, text, requestId);
    yield { type: 'text', text };
    for (const block of data.content) {
      if (block.type === 'tool_use') yield { type: 'tool_call', call: { id: block.id, name: block.name, arguments: argumentsText(block.input) } };
    }
    const usage = { inputTokens: data.usage.input_tokens, outputTokens: data.usage.output_tokens };
    yield { type: 'done', usage, finishReason: data.stop_reason ?? undefined, requestId };
  }

  return assembleAdapter({
    config,
    clock,
    presetId: preset?.id,
    failure: anthropicFailure,
    streamSource,
    completeSource,
    listIds: async (call) => {
      const ids: string[] = [];
      for await (const model of sdk().models.list({ limit: 100 }, sent(call))) ids.push(model.id);
      return ids;
    },
  });
}
