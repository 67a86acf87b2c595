/**
 * The only error type that leaves an adapter. It carries the decision (kind,
 * retryAfterMs) made once, here, plus the provider's own words and request id
 * for the UI. No raw SDK error ever crosses into the router. It is never
 * changed once built: `with` makes a new one.
 */
import type { ErrorKind } from '../../../../shared/errors.js';
import type { RateLimitSnapshot } from './types.js';

const MARK = Symbol.for('switchboard.ProviderError');

export interface ProviderErrorInit {
  kind: ErrorKind;
  provider: string;
  message: string;
  status?: number;
  requestId?: string;
  retryAfterMs?: number;
  rateLimit?: RateLimitSnapshot;
  /** Text already streamed before the failure; kept so nothing received is lost. */
  partialText?: string;
  cause?: unknown;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly [MARK] = true;
  readonly kind: ErrorKind;
  readonly provider: string;
  readonly status?: number;
  readonly requestId?: string;
  readonly retryAfterMs?: number;
  readonly rateLimit?: RateLimitSnapshot;
  readonly partialText?: string;

  constructor(init: ProviderErrorInit) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.provider = init.provider;
    this.status = init.status;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.rateLimit = init.rateLimit;
    this.partialText = init.partialText;
  }

  /** The same error with some fields replaced. */
  with(changes: Partial<Omit<ProviderErrorInit, 'cause'>>): ProviderError {
    return new ProviderError({
      kind: this.kind,
      provider: this.provider,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      rateLimit: this.rateLimit,
      partialText: this.partialText,
      cause: this.cause,
      ...changes,
    });
  }

  /** Works across bundles and realms, where `instanceof` does not. */
  static is(value: unknown): value is ProviderError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARK] === true;
  }
}
