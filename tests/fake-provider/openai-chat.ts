import type { Answer, ChatDialect } from './chat-flow.js';
import type { Exchange } from './exchange.js';
import type { FakeOptions } from './types.js';
import { isRecord, randomBase62, randomHex } from './http-io.js';
import { OPENROUTER_KEEPALIVE, OPENROUTER_UPSTREAM, openrouterId, openrouterUsage } from './openrouter-shape.js';

type Flavor = FakeOptions['flavor'];

const sse = (payload: unknown): string => `data: ${JSON.stringify(payload)}\n\n`;

function includeUsage(body: Record<string, unknown>): boolean {
  return isRecord(body.stream_options) && body.stream_options.include_usage === true;
}

function completionId(flavor: Flavor): string {
  if (flavor === 'openrouter') return openrouterId();
  // Ollama's compatibility layer numbers completions 0..998; OpenAI and Groq use random ids.
  return flavor === 'ollama-openai' ? `chatcmpl-${Math.floor(Math.random() * 999)}` : `chatcmpl-${randomBase62(29)}`;
}

function usageBody(answer: Answer, flavor: Flavor): Record<string, unknown> {
  const base = { prompt_tokens: answer.inputTokens, completion_tokens: answer.outputTokens, total_tokens: answer.inputTokens + answer.outputTokens };
  if (flavor === 'ollama-openai') return base;
  if (flavor === 'groq') return { queue_time: 0.061348671, ...base, prompt_time: 0.000211569, completion_time: 0.0798, total_time: 0.0800 };
  return {
    ...base,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function errorPayload(message: string | undefined, flavor: Flavor): unknown {
  const text = message ?? 'An error occurred while processing your request.';
  if (flavor === 'ollama-openai') return { error: { message: text, type: 'api_error', param: null, code: null } };
  return { error: { message: text, type: 'server_error', code: 'server_error', param: null } };
}

export function openaiDialect(flavor: Flavor, prefix: FakeOptions['prefix'], openrouterPrice?: FakeOptions['openrouterPrice']): ChatDialect {
  const openrouter = flavor === 'openrouter';
  const fingerprint = flavor === 'ollama-openai' ? 'fp_ollama' : `fp_${randomHex(10)}`;
  const groqId = (ex: Exchange): string => ex.requestId;

  return {
    streamByDefault: false,
    continuesPrefill: (body, path) => {
      if (!prefix || (prefix.endpoint !== undefined && path !== prefix.endpoint)) return false;
      const last = Array.isArray(body.messages) ? (body.messages.at(-1) as unknown) : undefined;
      return isRecord(last) && last.role === 'assistant' && last.prefix === true;
    },
    maxTokens: (body) => numberField(body.max_completion_tokens) ?? numberField(body.max_tokens),
    streamPlan: (answer, ex) => {
      const id = completionId(flavor);
      const withUsage = includeUsage(answer.request.body);
      const envelope = openrouter
        ? { id, provider: OPENROUTER_UPSTREAM, model: answer.model, object: 'chat.completion.chunk', created: answer.created }
        : {
            id,
            object: 'chat.completion.chunk',
            created: answer.created,
            model: answer.model,
            ...(flavor === undefined ? { service_tier: 'default' } : {}),
            system_fingerprint: fingerprint,
          };
      // OpenAI sends usage:null on every chunk when usage was asked for; Ollama and OpenRouter omit it.
      const nullUsage = withUsage && flavor !== 'ollama-openai' && !openrouter ? { usage: null } : {};
      // OpenRouter repeats the role in every delta and names the upstream's own finish reason.
      const choiceOf = (delta: Record<string, unknown>, finish: string | null): Record<string, unknown> =>
        openrouter
          ? { index: 0, delta: { role: 'assistant', ...delta, ...(delta.content === undefined && !delta.tool_calls ? { content: '' } : {}) }, finish_reason: finish, native_finish_reason: finish, logprobs: null }
          : { index: 0, delta, logprobs: null, finish_reason: finish };
      const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}): string =>
        sse({ ...envelope, choices: [choiceOf(delta, finish)], ...nullUsage, ...extra });
      const call = answer.toolCall;
      // A tool call's first chunk names it with empty arguments; the arguments follow in pieces.
      const roleDelta = call
        ? { role: 'assistant', content: null, tool_calls: [{ index: 0, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }], ...(flavor === 'ollama-openai' ? {} : { refusal: null }) }
        : flavor === 'ollama-openai' ? { role: 'assistant', content: '' } : { role: 'assistant', content: '', refusal: null };
      const pieceDelta = (text: string): Record<string, unknown> => (call ? { tool_calls: [{ index: 0, function: { arguments: text } }] } : { content: text });
      const obfuscation = (): Record<string, unknown> => (flavor === undefined ? { obfuscation: randomBase62(6) } : {});
      const usage = openrouter ? openrouterUsage(answer, openrouterPrice) : usageBody(answer, flavor);

      const tail: string[] = [];
      if (flavor === 'groq') tail.push(chunk({}, finishOf(answer), { x_groq: { id: groqId(ex), usage } }));
      else tail.push(chunk({}, finishOf(answer)));
      // OpenRouter puts usage, with its cost, in the last message of every stream, asked for or not.
      if (openrouter) tail.push(chunk({}, null, { usage }));
      else if (withUsage && flavor !== 'groq') tail.push(sse({ ...envelope, choices: [], usage, ...obfuscation() }));
      tail.push('data: [DONE]\n\n');
      const reported = flavor === 'groq' || openrouter || withUsage;

      return {
        contentType: 'text/event-stream; charset=utf-8',
        headers: ex.headers,
        head: [...(openrouter ? [OPENROUTER_KEEPALIVE] : []), chunk(roleDelta, null, { ...obfuscation(), ...(flavor === 'groq' ? { x_groq: { id: groqId(ex) } } : {}) })],
        chunks: answer.chunks.map((text) => chunk(pieceDelta(text), null, obfuscation())),
        tail,
        errorFrame: (message) => sse(errorPayload(message, flavor)),
        malformedFrame: `data: {"id":"${id}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"\n\n`,
        onComplete: () => answer.report(reported ? { inputTokens: answer.inputTokens, outputTokens: answer.outputTokens } : undefined),
      };
    },
    bodyPlan: (answer, ex) => {
      const message = flavor === 'ollama-openai'
        ? { role: 'assistant', content: answer.text }
        : openrouter ? { role: 'assistant', content: answer.text, refusal: null, reasoning: null }
        : { role: 'assistant', content: answer.text, refusal: null, annotations: [] };
      const call = answer.toolCall;
      const reply = (content: string): Record<string, unknown> =>
        call ? { ...message, content: null, tool_calls: [{ id: call.id, type: 'function', function: { name: call.name, arguments: content } }] } : { ...message, content };
      const build = (content: string, finish: string | null, completionTokens: number): Record<string, unknown> => openrouter ? {
        id: completionId(flavor),
        provider: OPENROUTER_UPSTREAM,
        model: answer.model,
        object: 'chat.completion',
        created: answer.created,
        choices: [{ logprobs: null, finish_reason: finish, native_finish_reason: finish, index: 0, message: reply(content) }],
        usage: openrouterUsage({ inputTokens: answer.inputTokens, outputTokens: completionTokens }, openrouterPrice),
      } : ({
        id: completionId(flavor),
        object: 'chat.completion',
        created: answer.created,
        model: answer.model,
        choices: [{ index: 0, message: reply(content), logprobs: null, finish_reason: finish }],
        usage: usageBody({ ...answer, outputTokens: completionTokens }, flavor),
        ...(flavor === undefined ? { service_tier: 'default' } : {}),
        system_fingerprint: fingerprint,
        ...(flavor === 'groq' ? { x_groq: { id: groqId(ex) }, service_tier: 'on_demand' } : {}),
      });
      return {
        headers: ex.headers,
        body: build(answer.text, finishOf(answer), answer.outputTokens),
        chunkCount: answer.chunks.length,
        unfinished: (n) => build(answer.chunks.slice(0, n).join(''), null, Math.min(n, answer.chunks.length)),
        failure: (text) => ({ status: 500, body: ex.errorBody({ status: 500, message: text, model: answer.model, requestId: ex.requestId }), headers: {} }),
        onComplete: () => answer.report({ inputTokens: answer.inputTokens, outputTokens: answer.outputTokens }),
      };
    },
  };
}

const finishOf = (answer: Answer): string => (answer.truncated ? 'length' : answer.toolCall ? 'tool_calls' : 'stop');

function numberField(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
