/**
 * OpenAI and every OpenAI-compatible host, on the official `openai` client with
 * `baseURL`: one client per adapter, each request with its own signal and
 * timeout. Host quirks come from the catalog as flags.
 */
import OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import type { Usage } from '../../../../../shared/chat.js';
import { realClock, type Clock } from '../../clock.js';
import { presetForProvider } from '../catalog/catalog.js';
import type { WireQuirks } from '../../../../../shared/catalog/preset-types.js';
import { openAiFailure } from '../errors/openai-errors.js';
import { ProviderError } from '../provider-error.js';
import type { AdapterConfig, ChatRequest, ProviderAdapter, StreamEvent } from '../types.js';
import { assembleAdapter, type SdkCall } from './assemble-adapter.js';
import { noAnswer, unfinished } from './adapter-support.js';
import { continuationOf, withContinuation } from './continuation.js';
import { openEvent } from './open-event.js';
import { toOpenAiMessages, toOpenAiToolChoice, toOpenAiTools, toolCallAssembler } from '../tools/openai-wire.js';

interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  /** OpenRouter's own charge for the call, in credits (USD), in every answer's usage. */
  cost?: unknown;
}

function toUsage(u: WireUsage | null | undefined): Usage | undefined {
  if (!u || typeof u.prompt_tokens !== 'number') return undefined;
  const usage: Usage = { inputTokens: u.prompt_tokens, outputTokens: u.completion_tokens ?? 0 };
  if (typeof u.cost === 'number' && Number.isFinite(u.cost) && u.cost >= 0) usage.reportedCostUsd = u.cost;
  return usage;
}

function groqUsage(chunk: ChatCompletionChunk): WireUsage | undefined {
  const extra = (chunk as { x_groq?: { usage?: WireUsage } }).x_groq;
  return extra?.usage;
}

export function createOpenAiAdapter(config: AdapterConfig, clock: Clock = realClock): ProviderAdapter {
  const preset = presetForProvider(config);
  const quirks: WireQuirks = preset?.quirks ?? {};
  const maxTokensField = quirks.maxTokensField ?? (config.kind === 'openai' ? 'max_completion_tokens' : 'max_tokens');

  const client = new OpenAI({
    apiKey: config.apiKey ?? 'not-needed',
    baseURL: config.baseURL,
    // The router decides what to try next.
    maxRetries: 0,
    // Failures reach the user as ProviderErrors; SDK console output is only noise.
    logLevel: 'off',
    ...(config.fetch ? { fetch: config.fetch } : {}),
    defaultHeaders: { ...preset?.headers, ...config.headers },
  });
  const sent = (call: SdkCall, path?: string) => ({ signal: call.signal, timeout: call.timeoutMs, ...(path ? { path } : {}) });

  const method = continuationOf(config);
  const prefixURL = quirks.prefixEndpoint ? new URL(quirks.prefixEndpoint, config.baseURL).href : undefined;

  const body = (request: ChatRequest): { params: ChatCompletionCreateParamsBase; fresh: (t: string) => string; path?: string } => {
    const { messages, prefill, fresh } = withContinuation(request.messages, request.continueFrom, method);
    const flagged = prefill && method === 'prefix-flag';
    // `prefix` is the host's extension to the assistant message; the SDK sends it as given.
    const converted = toOpenAiMessages(messages);
    const wire = flagged ? converted.map((m, i) => (i === converted.length - 1 ? { ...m, prefix: true } : m)) : converted;
    const params: ChatCompletionCreateParamsBase = { model: request.model, messages: wire as ChatCompletionCreateParamsBase['messages'] };
    if (request.tools && request.tools.length > 0) params.tools = toOpenAiTools(request.tools);
    if (request.toolChoice !== undefined && params.tools) params.tool_choice = toOpenAiToolChoice(request.toolChoice);
    if (request.temperature !== undefined) params.temperature = request.temperature;
    if (request.maxTokens !== undefined) params[maxTokensField] = request.maxTokens;
    return { params, fresh, ...(flagged && prefixURL ? { path: prefixURL } : {}) };
  };

  const filtered = (partial: string, requestId: string | undefined): ProviderError =>
    new ProviderError({ kind: 'content_filter', provider: config.id, message: 'The provider stopped the answer: content_filter', requestId, partialText: partial || undefined });

  async function* streamSource(request: ChatRequest, call: SdkCall): AsyncIterable<StreamEvent> {
    const { params, fresh, path } = body(request);
    const { data, response, request_id } = await client.chat.completions
      .create({ ...params, stream: true, ...(quirks.noStreamOptions ? {} : { stream_options: { include_usage: true } }) }, sent(call, path))
      .withResponse();
    const open = openEvent(request_id, response.headers, clock.now());
    const requestId = open.requestId;
    yield open;
    let usage: Usage | undefined;
    let finishReason: string | undefined;
    const calls = toolCallAssembler();
    for await (const chunk of data) {
      const choice = chunk.choices[0];
      const piece = choice?.delta?.content;
      if (piece) yield { type: 'text', text: fresh(piece) };
      for (const delta of choice?.delta?.tool_calls ?? []) calls.add(delta);
      if (choice?.finish_reason) finishReason = choice.finish_reason;
      usage = toUsage(chunk.usage) ?? (quirks.usageInXGroq ? toUsage(groqUsage(chunk)) : undefined) ?? usage;
    }
    if (finishReason === undefined) return; // no finish chunk: the guard reports the cut stream
    // The stream guard attaches the text already passed on.
    if (finishReason === 'content_filter') throw filtered('', requestId);
    for (const call of calls.finish()) yield { type: 'tool_call', call };
    yield { type: 'done', usage, finishReason, requestId };
  }

  async function* completeSource(request: ChatRequest, call: SdkCall): AsyncIterable<StreamEvent> {
    const { params, fresh, path } = body(request);
    const { data, response, request_id } = await client.chat.completions.create({ ...params, stream: false }, sent(call, path)).withResponse();
    const open = openEvent(request_id, response.headers, clock.now());
    const requestId = open.requestId;
    yield open;
    const choice = Array.isArray(data?.choices) ? data.choices[0] : undefined;
    if (!choice) {
      throw noAnswer(config.id, requestId);
    }
    const text = fresh(choice.message?.content ?? '');
    if (choice.finish_reason === 'content_filter') throw filtered(text, requestId);
    if (!choice.finish_reason) throw unfinished(config.id, text, requestId);
    yield { type: 'text', text };
    for (const call of choice.message?.tool_calls ?? []) {
      if (call.type === 'function') yield { type: 'tool_call', call: { id: call.id, name: call.function.name, arguments: call.function.arguments } };
    }
    yield { type: 'done', usage: toUsage(data.usage), finishReason: choice.finish_reason ?? undefined, requestId };
  }

  return assembleAdapter({
    config,
    clock,
    presetId: preset?.id,
    failure: openAiFailure,
    streamSource,
    completeSource,
    listIds: async (call) => {
      const page = await client.models.list(sent(call));
      return page.data.map((model) => model.id);
    },
  });
}
