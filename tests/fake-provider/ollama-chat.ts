import type { Answer, ChatDialect } from './chat-flow.js';
import { isRecord } from './http-io.js';

const line = (payload: unknown): string => `${JSON.stringify(payload)}\n`;
const MS = 1_000_000;

/** The closing object: done, the reason, and token counts with fake but consistent durations in ns. */
function finalFields(answer: Answer, evalCount: number): Record<string, unknown> {
  const promptEval = answer.inputTokens * 2 * MS;
  const evalDuration = evalCount * 20 * MS;
  const load = 1_334_875;
  return {
    done: true,
    done_reason: answer.truncated ? 'length' : 'stop',
    total_duration: load + promptEval + evalDuration,
    load_duration: load,
    prompt_eval_count: answer.inputTokens,
    prompt_eval_duration: promptEval,
    eval_count: evalCount,
    eval_duration: evalDuration,
  };
}

/** Ollama sends a tool call whole, arguments as an object, in one message. */
function message(answer: Answer, content: string): Record<string, unknown> {
  const call = answer.toolCall;
  if (!call) return { role: 'assistant', content };
  let args: unknown;
  try {
    args = JSON.parse(answer.text);
  } catch {
    args = {};
  }
  return { role: 'assistant', content: '', tool_calls: [{ function: { name: call.name, arguments: args } }] };
}

export const ollamaDialect: ChatDialect = {
  streamByDefault: true,
  // /api/chat continues a final assistant message.
  continuesPrefill: () => true,
  maxTokens: (body) => (isRecord(body.options) && typeof body.options.num_predict === 'number' && body.options.num_predict >= 0 ? body.options.num_predict : undefined),
  streamPlan: (answer, ex) => {
    const createdAt = (): string => new Date().toISOString();
    return {
      contentType: 'application/x-ndjson',
      headers: ex.headers,
      head: [],
      chunks: (answer.toolCall ? [''] : answer.chunks).map((content) =>
        line({ model: answer.model, created_at: createdAt(), message: message(answer, content), done: false })),
      tail: [line({ model: answer.model, created_at: createdAt(), message: { role: 'assistant', content: '' }, ...finalFields(answer, answer.outputTokens) })],
      errorFrame: (text) => line({ error: text ?? 'an error was encountered while running the model: unexpected EOF' }),
      malformedFrame: `{"model":"${answer.model}","created_at":"${createdAt()}","message":{"role":"assistant","content":"\n`,
      onComplete: () => answer.report({ inputTokens: answer.inputTokens, outputTokens: answer.outputTokens }),
    };
  },
  bodyPlan: (answer, ex) => {
    const createdAt = new Date().toISOString();
    return {
      headers: ex.headers,
      body: { model: answer.model, created_at: createdAt, message: message(answer, answer.text), ...finalFields(answer, answer.outputTokens) },
      chunkCount: answer.chunks.length,
      unfinished: (n) => ({ model: answer.model, created_at: createdAt, message: { role: 'assistant', content: answer.chunks.slice(0, n).join('') }, done: false }),
      failure: (text) => ({ status: 500, body: { error: text ?? 'an error was encountered while running the model: unexpected EOF' }, headers: {} }),
      onComplete: () => answer.report({ inputTokens: answer.inputTokens, outputTokens: answer.outputTokens }),
    };
  },
};
