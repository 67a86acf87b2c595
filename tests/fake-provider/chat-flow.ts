import type { RecordedChat, ReportedUsage } from './types.js';
import type { StreamPlan } from './stream-writer.js';
import type { BodyPlan } from './body-writer.js';
import { sendError, sendStatusFault, type Exchange } from './exchange.js';
import { estimateInputTokens, readMessages, splitChunks } from './chat-input.js';
import { defaultReply } from './default-reply.js';
import { isRecord, pause } from './http-io.js';
import { writeStream } from './stream-writer.js';
import { writeBody } from './body-writer.js';
import { canonicalModel } from './ollama-catalogue.js';
import { defaultToolCall, type FakeToolCall } from './tool-reply.js';

/** Everything a protocol needs to render one answer. */
export interface Answer {
  model: string;
  text: string;
  chunks: string[];
  /** Set when the answer is a tool call: `chunks` are then pieces of its arguments. */
  toolCall?: FakeToolCall;
  /** The reply was cut at the request's max tokens. */
  truncated: boolean;
  inputTokens: number;
  outputTokens: number;
  /** Unix seconds. */
  created: number;
  request: RecordedChat;
  /** Call once the answer completed, with exactly the usage put on the wire (undefined if none was). */
  report: (usage: ReportedUsage | undefined) => void;
}

export interface ChatDialect {
  /** Streaming default when the body has no `stream` field. */
  streamByDefault: boolean;
  /** The request's output cap; each chunk counts as one token. */
  maxTokens: (body: Record<string, unknown>) => number | undefined;
  /** Whether this request's final assistant message is continued rather than answered anew. */
  continuesPrefill: (body: Record<string, unknown>, path: string) => boolean;
  /** A protocol-specific rejection of the request (e.g. Anthropic's required max_tokens). */
  reject?: (body: Record<string, unknown>, request: RecordedChat) => { status: number; message: string } | undefined;
  streamPlan: (answer: Answer, ex: Exchange) => StreamPlan;
  bodyPlan: (answer: Answer, ex: Exchange) => BodyPlan;
}

function record(ex: Exchange, body: Record<string, unknown>, dialect: ChatDialect): RecordedChat {
  const messages = readMessages(body);
  const request: RecordedChat = {
    path: ex.path,
    headers: ex.req.headers,
    body,
    stream: typeof body.stream === 'boolean' ? body.stream : dialect.streamByDefault,
    messages,
    model: typeof body.model === 'string' ? body.model : '',
    continues: messages.at(-1)?.role === 'assistant' && dialect.continuesPrefill(body, ex.path),
  };
  ex.state.requests.push(request);
  return request;
}

function knownModel(ex: Exchange, model: string): boolean {
  if (!ex.state.strictModels) return true;
  const wanted = ex.state.options.protocol === 'ollama' || ex.state.options.flavor === 'ollama-openai' ? canonicalModel(model) : model;
  return ex.state.models.includes(wanted);
}

export async function serveChat(ex: Exchange, dialect: ChatDialect): Promise<void> {
  if (!isRecord(ex.body)) {
    sendError(ex, 400, { message: ex.body === undefined ? 'missing request body' : 'invalid JSON body' });
    return;
  }
  const request = record(ex, ex.body, dialect);
  const fault = ex.fault;
  if (fault?.type === 'stall-before-headers') await pause(fault.ms, ex.signal);
  if (fault?.type === 'status') {
    sendStatusFault(ex, fault, request.model);
    return;
  }
  const rejection = dialect.reject?.(ex.body, request);
  if (rejection) {
    sendError(ex, rejection.status, { message: rejection.message, model: request.model });
    return;
  }
  if (!knownModel(ex, request.model)) {
    sendError(ex, 404, { code: 'model_not_found', model: request.model });
    return;
  }

  const toolCall = pickToolCall(ex, request);
  const text = toolCall ? toolCall.arguments : (ex.state.options.reply ?? defaultReply)(request);
  const allChunks = splitChunks(text, ex.state.chunkSize);
  const cap = dialect.maxTokens(ex.body);
  const chunks = cap !== undefined && cap < allChunks.length ? allChunks.slice(0, Math.max(0, cap)) : allChunks;
  const answer: Answer = {
    model: request.model,
    text: chunks.join(''),
    chunks,
    truncated: chunks.length < allChunks.length,
    ...(toolCall ? { toolCall } : {}),
    inputTokens: estimateInputTokens(request.messages),
    outputTokens: chunks.length,
    created: Math.floor(Date.now() / 1000),
    request,
    report: (usage) => {
      ex.state.lastUsage = usage;
      ex.state.loaded.add(canonicalModel(request.model));
    },
  };
  const pacing = { tokenDelayMs: ex.state.tokenDelayMs, signal: ex.signal };
  if (request.stream) await writeStream(ex.res, dialect.streamPlan(answer, ex), fault, pacing);
  else await writeBody(ex.res, dialect.bodyPlan(answer, ex), fault, pacing);
}

function pickToolCall(ex: Exchange, request: RecordedChat): FakeToolCall | undefined {
  const custom = ex.state.options.toolCall;
  if (!custom) return defaultToolCall(request, ex.state.options.protocol);
  const chosen = custom(request);
  const fallback = defaultToolCall({ ...request, body: { ...request.body, tool_choice: undefined } }, ex.state.options.protocol);
  return chosen && fallback ? { ...fallback, ...chosen } : undefined;
}
