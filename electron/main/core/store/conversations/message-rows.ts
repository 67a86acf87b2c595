/**
 * Messages and attempts between their table rows and the shapes both sides of
 * the contract use. Every row read is validated: a row that does not make a
 * valid message is still shown, reduced to its text, rather than hiding the
 * conversation.
 */
import { AttemptSchema, DecisionTraceSchema, MessageSchema, type Attempt, type Message } from '../../../../../shared/chat.js';

export interface MessageRow {
  n: number;
  id: string;
  conversation_id: string;
  role: 'user' | 'assistant';
  text: string;
  status: Message['status'];
  created_at: number;
  task_type: string | null;
  task_reason: string | null;
  provider: string | null;
  model: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  ttft_ms: number | null;
  latency_ms: number | null;
  note: string | null;
  error_kind: string | null;
  error_message: string | null;
  trace: string | null;
}

export interface AttemptRow {
  message_id: string | null;
  provider: string;
  model: string;
  outcome: string;
  error_kind: string | null;
  http_status: number | null;
  error_message: string | null;
  request_id: string | null;
  started_at: number;
  ttft_ms: number | null;
  total_ms: number;
  tokens_in: number | null;
  tokens_out: number | null;
  cost_usd: number | null;
  hedge: number;
  continuation: number;
}

/** The named parameters of a message insert or update. */
export function messageParams(m: Message, writer: number | null) {
  return {
    id: m.id,
    conversation_id: m.conversationId,
    role: m.role,
    text: m.text,
    status: m.status,
    created_at: m.createdAt,
    task_type: m.taskType ?? m.trace?.taskType ?? null,
    task_reason: m.trace?.taskReason ?? null,
    provider: m.provider ?? null,
    model: m.model ?? null,
    input_tokens: m.usage?.inputTokens ?? null,
    output_tokens: m.usage?.outputTokens ?? null,
    cost_usd: m.costUsd ?? null,
    ttft_ms: m.ttftMs ?? null,
    latency_ms: m.latencyMs ?? null,
    note: m.note ?? null,
    error_kind: m.error?.kind ?? null,
    error_message: m.error?.message ?? null,
    trace: m.trace ? JSON.stringify(m.trace) : null,
    writer: m.status === 'streaming' ? writer : null,
  };
}

const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;

function parseTrace(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    const parsed = DecisionTraceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function messageFromRow(row: MessageRow, attempts: Attempt[] | undefined): Message {
  const candidate = defined({
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    text: row.text,
    createdAt: row.created_at,
    status: row.status,
    taskType: row.task_type,
    provider: row.provider,
    model: row.model,
    usage: row.input_tokens !== null && row.output_tokens !== null ? { inputTokens: row.input_tokens, outputTokens: row.output_tokens } : null,
    costUsd: row.cost_usd,
    ttftMs: row.ttft_ms,
    latencyMs: row.latency_ms,
    attempts: attempts && attempts.length > 0 ? attempts : null,
    trace: parseTrace(row.trace),
    note: row.note,
    error: row.error_kind !== null ? { kind: row.error_kind, message: row.error_message ?? '' } : null,
  });
  const parsed = MessageSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  return { id: row.id, conversationId: row.conversation_id, role: row.role, text: row.text, createdAt: row.created_at, status: row.status };
}

export function attemptFromRow(row: AttemptRow): Attempt | undefined {
  const parsed = AttemptSchema.safeParse(
    defined({
      provider: row.provider,
      model: row.model,
      outcome: row.outcome,
      errorKind: row.error_kind,
      status: row.http_status,
      message: row.error_message,
      requestId: row.request_id,
      startedAt: row.started_at,
      ms: row.total_ms,
      ttftMs: row.ttft_ms,
      usage: row.tokens_in !== null && row.tokens_out !== null ? { inputTokens: row.tokens_in, outputTokens: row.tokens_out } : null,
      costUsd: row.cost_usd,
      continuation: row.continuation ? true : null,
      hedge: row.hedge ? true : null,
    }),
  );
  return parsed.success ? parsed.data : undefined;
}
