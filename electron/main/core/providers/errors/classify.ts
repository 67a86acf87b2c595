/**
 * The one decision table from "what the provider said" to an ErrorKind. Each SDK
 * family extracts FailureFacts from its own error shape and asks here, so every
 * host's wording is judged by the same rules. Pure, no I/O.
 */
import type { ErrorKind } from '../../../../../shared/errors.js';

export interface FailureFacts {
  /** HTTP status; absent for an error event inside a 200 stream. */
  status?: number;
  /** `error.type` (OpenAI, Anthropic). */
  type?: string | null;
  /** `error.code` (OpenAI) or `error.details.error_code` (Anthropic). */
  code?: string | null;
  message: string;
}

const QUOTA_CODES = new Set([
  'insufficient_quota',
  'credit_balance_exhausted',
  'organization_spend_limit_exceeded',
  'project_spend_limit_exceeded',
  'organization_usage_limit_exceeded',
  'billing_hard_limit_reached',
  'billing_not_active',
  'enforced_spend_limit_reached',
  'contract_spend_limit_reached',
  'linked_organization_spend_limit_reached',
  'billing_error',
  'payment_required',
]);
const AUTH_CODES = new Set(['invalid_api_key', 'authentication_error', 'permission_error', 'unauthorized']);
const CONTEXT_CODES = new Set(['context_length_exceeded', 'model_context_window_exceeded', 'request_too_large', 'string_above_max_length']);
const FILTER_CODES = new Set(['content_filter', 'content_policy_violation', 'refusal', 'safety']);
const NOT_FOUND_CODES = new Set(['model_not_found', 'not_found_error']);

const QUOTA_WORDS = /exceeded your current quota|insufficient (balance|credits?|quota|funds)|credit balance|spend(ing)? limit|billing|payment required|out of credits|usage limit|upgrade to continue/i;
const CONTEXT_WORDS =
  /context[ _-]?length|context[ _-]?window|maximum context|prompt is too long|input is too long|too many (input )?tokens|reduce the length of the (messages|prompt)|exceeds? (the )?(model'?s? )?(maximum|max)[ _-]?(context|input|tokens)|maximum (input|prompt) length/i;
const FILTER_WORDS = /content[ _-]?(filter|policy|management)|safety (system|filter|settings)|flagged by|moderation|responsible ai/i;
const NOT_FOUND_WORDS = /model\b.{0,120}\b(not found|does not exist|is not available|not exist)|no such model|unknown model|model not found/i;
const OVERLOADED_WORDS = /overloaded/i;

function has(set: Set<string>, value: string | null | undefined): boolean {
  return typeof value === 'string' && set.has(value.toLowerCase());
}

function isQuota(f: FailureFacts): boolean {
  if (has(QUOTA_CODES, f.code) || has(QUOTA_CODES, f.type) || f.status === 402) return true;
  return (f.status === 429 || f.status === 403 || f.status === 400) && QUOTA_WORDS.test(f.message);
}

function isContext(f: FailureFacts): boolean {
  return f.status === 413 || has(CONTEXT_CODES, f.code) || has(CONTEXT_CODES, f.type) || CONTEXT_WORDS.test(f.message);
}

function isFilter(f: FailureFacts): boolean {
  return has(FILTER_CODES, f.code) || has(FILTER_CODES, f.type) || FILTER_WORDS.test(f.message);
}

/** The kind for a failure the provider reported (an HTTP error or an error event). */
export function classifyFailure(f: FailureFacts): ErrorKind {
  const status = f.status;
  if (status === undefined) {
    // An error event after text began: the answer is cut, whatever the cause.
    if (isQuota(f)) return 'quota_exhausted';
    if (isFilter(f)) return 'content_filter';
    if (isContext(f)) return 'context_length';
    return 'stream_interrupted';
  }
  if (isQuota(f)) return 'quota_exhausted';
  if (status === 401 || status === 403 || has(AUTH_CODES, f.code) || has(AUTH_CODES, f.type)) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status === 529 || status === 503 || has(new Set(['overloaded_error']), f.type)) return 'overloaded';
  if (status >= 400 && status < 500) {
    if (isContext(f)) return 'context_length';
    if (isFilter(f)) return 'content_filter';
    if (status === 404 || has(NOT_FOUND_CODES, f.code) || has(NOT_FOUND_CODES, f.type) || NOT_FOUND_WORDS.test(f.message)) {
      return 'model_not_found';
    }
    if (status === 408) return 'timeout';
    return 'bad_request';
  }
  if (status >= 500) {
    if (OVERLOADED_WORDS.test(f.message)) return 'overloaded';
    // Some local servers (Ollama, llama.cpp) answer an over-long prompt with a 500.
    return has(CONTEXT_CODES, f.code) || CONTEXT_WORDS.test(f.message) ? 'context_length' : 'server';
  }
  return 'server';
}
