/**
 * One API request through the router, answered in the caller's format. A
 * virtual model routes by task type; a concrete one forces its target. Text and
 * tool calls stream on as they come, and a failover mid-stream is invisible:
 * the router passes on only new text, so the client sees one stream and one
 * final usage. Headers name who answered; they go out with the first content,
 * so a route that fails before any still gets a real status.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ToolCall } from '../main/core/providers/types.js';
import { estimatePromptTokens, estimateTextTokens } from '../main/core/router/estimate-tokens.js';
import { RouteFailure, type RouteRequest, type RouteResult, type Router } from '../main/core/router/index.js';
import type { ApiChat } from './api-request.js';
import type { AnswerMeta, FinalAnswer, StreamWriter, WireFormat } from './answer-writer.js';
import { finishOf } from './finish-reason.js';
import { resolveModel, type ModelNames } from './model-target.js';
import { failureStatus } from './route-status.js';
import { openSse } from './sse.js';

export interface ApiCore extends ModelNames {
  router: Pick<Router, 'route'>;
  /** Removes every key the app holds from text a provider sent back. */
  scrub(text: string): string;
}

export type Respond = (status: number, body: unknown, headers?: Record<string, string>) => void;

export function routeRequestFor(core: ApiCore, chat: ApiChat, noFallback: boolean): RouteRequest | { error: string; param?: string } {
  const target = resolveModel(chat.model, core);
  if (!target.ok) return { error: target.message, ...(target.param ? { param: target.param } : {}) };
  const request: RouteRequest = {
    conversationId: `api-${randomUUID()}`,
    messages: chat.messages,
    taskChoice: target.value.kind === 'virtual' ? target.value.task : 'auto',
    source: 'api',
    ...(noFallback ? { noFallback: true } : {}),
    ...(chat.tools ? { tools: chat.tools } : {}),
    ...(chat.toolChoice !== undefined ? { toolChoice: chat.toolChoice } : {}),
    ...(chat.maxTokens !== undefined ? { maxTokens: chat.maxTokens } : {}),
    ...(chat.temperature !== undefined ? { temperature: chat.temperature } : {}),
  };
  if (target.value.kind === 'concrete') Object.assign(request, { provider: target.value.provider, model: target.value.model, exclusive: true });
  return request;
}

function finalAnswer(result: RouteResult, promptTokens: number): FinalAnswer {
  const toolCalls = result.toolCalls ?? [];
  return {
    text: result.text,
    toolCalls,
    finish: finishOf(result.finishReason, toolCalls.length),
    // A host that reports no usage still gets an honest estimate, never zero.
    usage: result.usage ?? { inputTokens: promptTokens, outputTokens: estimateTextTokens(result.text + toolCalls.map((c) => c.arguments).join('')) },
  };
}

export async function runApiChat(
  core: ApiCore,
  format: WireFormat,
  chat: ApiChat,
  req: IncomingMessage,
  res: ServerResponse,
  respond: Respond,
): Promise<void> {
  const request = routeRequestFor(core, chat, req.headers['x-switchboard-no-fallback'] === '1');
  if ('error' in request) {
    respond(400, format.errorBody(400, request.error, request.param));
    return;
  }
  const promptTokens = estimatePromptTokens(chat.messages);
  const abort = new AbortController();
  // The client hung up: stop the providers too, so nothing runs (or bills) for no one.
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  let task = request.taskChoice;
  let current = { provider: '', model: '' };
  let attempts = 0;
  let writer: StreamWriter | undefined;
  const headers = (provider: string, model: string, count: number): Record<string, string> => ({
    'x-switchboard-provider': provider,
    'x-switchboard-model': model,
    'x-switchboard-task': task,
    'x-switchboard-attempts': String(count),
  });
  const meta = (provider: string, model: string): AnswerMeta => ({ model: `${provider}/${model}`, promptTokens });
  const begin = (): StreamWriter => {
    if (!writer) {
      openSse(res, headers(current.provider, current.model, attempts));
      writer = format.stream(res, meta(current.provider, current.model), chat.includeUsage);
    }
    return writer;
  };
  const stream = chat.stream;
  try {
    const result = await core.router.route(
      request,
      {
        onPlan: (plan) => {
          task = plan.taskType;
        },
        onAttempt: (a) => {
          attempts += 1;
          if (!writer) current = { provider: a.provider, model: a.model };
        },
        ...(stream
          ? { onText: (text: string) => begin().text(text), onToolCall: (call: ToolCall) => begin().toolCall(call) }
          : {}),
      },
      abort.signal,
    );
    const answer = finalAnswer(result, promptTokens);
    if (stream) {
      if (!writer) current = { provider: result.provider, model: result.model };
      begin().end(answer);
    } else {
      respond(200, format.completion(meta(result.provider, result.model), answer), headers(result.provider, result.model, result.attempts.length));
    }
  } catch (error) {
    if (abort.signal.aborted) return;
    const failure = error instanceof RouteFailure ? error : undefined;
    const message = core.scrub(failure?.message ?? `Switchboard hit an internal error: ${(error as Error)?.message ?? String(error)}`);
    if (writer) {
      writer.fail(message, failure?.kind === 'overloaded');
      return;
    }
    const status = failure ? failureStatus(failure) : 500;
    respond(status, format.errorBody(status, message), {
      'x-switchboard-task': failure?.trace.taskType ?? task,
      'x-switchboard-attempts': String(failure?.attempts.length ?? attempts),
    });
  }
}
