/** Turns an attempt's ending into the trace record, its cost and the tokens it used. */
import type { Attempt, ContinuationMethod, Usage } from '../../../../shared/chat.js';
import { costUsd } from '../providers/pricing/pricing.js';
import type { AttemptResult } from './execute-attempt.js';
import type { PriceFn } from './types.js';

export interface Billing {
  tokens: number;
  costUsd: number;
  /** The price list the cost was worked out with, when a price was known. */
  priceVersion?: string;
}

/**
 * Uses the provider's usage when it sent one; otherwise estimates: the prompt is
 * billed once the provider answered, plus whatever text came back.
 */
export function bill(price: PriceFn | undefined, provider: string, model: string, result: AttemptResult, promptTokens: number): Billing {
  const reported = result.outcome === 'ok' ? result.usage : undefined;
  // A lost hedge was sent and may be billed for its prompt even though it was cut off.
  if (!result.opened && !reported && result.outcome !== 'hedge_lost') return { tokens: 0, costUsd: 0 };
  const usage: Usage = reported ?? { inputTokens: promptTokens, outputTokens: result.outputTokens };
  const known = price?.(provider, model);
  const billing: Billing = { tokens: usage.inputTokens + usage.outputTokens, costUsd: costUsd(known, usage) };
  if (known?.version) billing.priceVersion = known.version;
  return billing;
}

export function attemptRecord(
  target: { provider: string; model: string },
  result: AttemptResult,
  billing: Billing,
  flags: { hedge: boolean; continuation?: ContinuationMethod },
): Attempt {
  const error = result.outcome === 'error' || result.outcome === 'cancelled' ? result.error : undefined;
  const record: Attempt = {
    provider: target.provider,
    model: target.model,
    outcome: result.outcome,
    startedAt: result.startedAt,
    ms: result.ms,
  };
  if (error && result.outcome === 'error') {
    record.errorKind = error.kind;
    record.message = error.message;
    if (error.status !== undefined) record.status = error.status;
  }
  const requestId = result.requestId ?? error?.requestId;
  if (requestId) record.requestId = requestId;
  if (result.ttftMs !== undefined) record.ttftMs = result.ttftMs;
  if (result.outcome === 'ok' && result.usage) record.usage = result.usage;
  if (billing.costUsd > 0 || result.opened) {
    record.costUsd = billing.costUsd;
    if (billing.priceVersion) record.priceVersion = billing.priceVersion;
  }
  const reported = result.outcome === 'ok' ? result.usage?.reportedCostUsd : undefined;
  if (reported !== undefined) record.reportedCostUsd = reported;
  if (flags.hedge) record.hedge = true;
  if (flags.continuation) {
    record.continuation = true;
    record.continuationMethod = flags.continuation;
  }
  return record;
}
