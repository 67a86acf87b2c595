/** What a per-family mapper needs to know besides the thrown value. */
import type { TappedResponse } from '../adapters/response-tap.js';

export interface FailureContext {
  provider: string;
  now: number;
  /** Whether response headers had arrived: a socket error then means a cut answer. */
  afterHeaders: boolean;
  /** Status and headers seen by our fetch wrapper, for ollama-js, which hides them. */
  response?: TappedResponse;
}
