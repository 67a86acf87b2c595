/**
 * Messages and attempts between their table rows and the shapes both sides of
 * the contract use. Every row read is validated: a value that does not fit is
 * left out (a damaged trace, an unknown error kind), never the message, so a
 * bad row cannot hide a conversation.
 */
import { AttemptOutcomeSchema, DecisionTraceSchema, SeamsSchema, type Attempt, type DecisionTrace, type Message, type Usage } from '../../../../../shared/chat.js';
import { ErrorKindSchema, type ErrorKind } from '../../../../../shared/errors.js';

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
  compare_id: string | null;
  set_aside: number;
  finish: string | null;
  seams: string | null;
  usage_estimated: number;
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
  price_version?: string | null;
  reported_cost_usd?: number | null;
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
    finish: m.finish ?? null,
    seams: m.seams && m.seams.length > 0 ? JSON.stringify(m.seams) : null,
    usage_estimated: m.usageEstimated ? 1 : 0,
    writer: m.status === 'streaming' ? writer : null,
    compare_id: m.compareId ?? null,
    set_aside: m.setAside ? 1 : 0,
  };
}

/**
 * Columns are typed and CHECK-constrained by the schema, so a row is validated by
 * plain checks on the few free values (kinds, outcomes) and a schema parse of
 * the one JSON column (the trace); a full schema parse per message would cost
 * more than the page read itself (about 30 ms for the first page after start).
 */
const ERROR_KINDS: ReadonlySet<string> = new Set(ErrorKindSchema.options);
const OUTCOMES: ReadonlySet<string> = new Set(AttemptOutcomeSchema.options);
const asKind = (kind: string | null): ErrorKind | undefined => (kind !== null && ERROR_KINDS.has(kind) ? (kind as ErrorKind) : undefined);
const num = (value: number | null): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

function usageOf(input: number | null, output: number | null): Usage | undefined {
  const i = num(input);
  const o = num(output);
  return i !== undefined && o !== undefined && Number.isInteger(i) && Number.isInteger(o) ? { inputTokens: i, outputTokens: o } : undefined;
}

/** A JSON column read through its schema: damaged text reads as absent. */
function parseJson<T>(text: string | null, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T | undefined {
  if (text === null) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Sets only the fields that have a value, as the contract's optional fields expect. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

export function messageFromRow(row: MessageRow, attempts: Attempt[] | undefined): Message {
  const m: Message = { id: row.id, conversationId: row.conversation_id, role: row.role, text: row.text, createdAt: row.created_at, status: row.status };
  put(m, 'taskType', row.task_type ?? undefined);
  put(m, 'provider', row.provider ?? undefined);
  put(m, 'model', row.model ?? undefined);
  put(m, 'usage', usageOf(row.input_tokens, row.output_tokens));
  if (row.usage_estimated && m.usage) m.usageEstimated = true;
  put(m, 'costUsd', num(row.cost_usd));
  put(m, 'ttftMs', num(row.ttft_ms));
  put(m, 'latencyMs', num(row.latency_ms));
  if (attempts && attempts.length > 0) m.attempts = attempts;
  put(m, 'trace', parseJson<DecisionTrace>(row.trace, DecisionTraceSchema));
  put(m, 'note', row.note ?? undefined);
  if (row.finish === 'length') m.finish = 'length';
  put(m, 'seams', parseJson(row.seams, SeamsSchema));
  const kind = asKind(row.error_kind);
  if (kind) m.error = { kind, message: row.error_message ?? '' };
  put(m, 'compareId', row.compare_id ?? undefined);
  if (row.set_aside) m.setAside = true;
  return m;
}

export function attemptFromRow(row: AttemptRow): Attempt | undefined {
  if (!OUTCOMES.has(row.outcome) || num(row.total_ms) === undefined) return undefined;
  const a: Attempt = { provider: row.provider, model: row.model, outcome: row.outcome as Attempt['outcome'], startedAt: row.started_at, ms: row.total_ms };
  put(a, 'errorKind', asKind(row.error_kind));
  put(a, 'status', row.http_status !== null && Number.isInteger(row.http_status) ? row.http_status : undefined);
  put(a, 'message', row.error_message ?? undefined);
  put(a, 'requestId', row.request_id ?? undefined);
  put(a, 'ttftMs', num(row.ttft_ms));
  put(a, 'usage', usageOf(row.tokens_in, row.tokens_out));
  put(a, 'costUsd', num(row.cost_usd));
  if (typeof row.price_version === 'string') a.priceVersion = row.price_version;
  put(a, 'reportedCostUsd', num(row.reported_cost_usd ?? null));
  if (row.continuation) a.continuation = true;
  if (row.hedge) a.hedge = true;
  return a;
}
