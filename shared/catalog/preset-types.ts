/**
 * The shape of one catalog entry. Adding a host is one object in presets-cloud.ts:
 * where it lives, which env vars hold its key, its default models with prices,
 * and its wire quirks as flags the OpenAI-compatible adapter reads.
 */
import type { ContinuationMethod } from '../chat.js';
import type { ProviderKind } from '../settings.js';

export interface Capabilities {
  vision: boolean;
  tools: boolean;
  /** A context window of 100k tokens or more. */
  longContext: boolean;
}

/** USD per million tokens. */
export interface ModelPrice {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
}

/** A price, or an explicit statement that there is none to charge or none known. */
export type PriceInfo = ModelPrice | 'free' | 'unknown';

export interface PresetModel {
  id: string;
  price: PriceInfo;
  contextWindow?: number;
  /** The longest answer the model can give, asked for unless the route sets its own limit. */
  maxOutputTokens?: number;
  /** Only where the model differs from the preset's capabilities. */
  capabilities?: Partial<Capabilities>;
}

/** Ways a host departs from the OpenAI wire format. Absent means "as OpenAI". */
export interface WireQuirks {
  /** The host rejects `stream_options` (Cohere), so usage is not asked for. */
  noStreamOptions?: boolean;
  /** Which field caps the answer length. OpenAI wants the new one; most hosts the old. */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Streamed usage comes in the finish chunk's `x_groq.usage` (Groq). */
  usageInXGroq?: boolean;
  /** Where a `prefix: true` continuation must go, from the base URL's origin (DeepSeek serves it only on its beta endpoint). */
  prefixEndpoint?: string;
}

export interface ProviderPreset {
  id: string;
  name: string;
  kind: ProviderKind;
  baseURL: string;
  /** Env vars that may hold the key, most common first; empty when no key is needed. */
  keyEnvVars: string[];
  /** Runs on this machine or LAN: no key needed, and unknown prices count as $0. */
  local?: boolean;
  /** The models offered before (or without) a live list; the first is the default. */
  models: PresetModel[];
  capabilities: Capabilities;
  quirks?: WireQuirks;
  /**
   * How the host continues a cut answer. Only what the host's own docs promise:
   * `none` (ask in words) wherever they do not.
   */
  continuation: ContinuationMethod;
  /** Headers to send on every request, e.g. a gateway's own key header. */
  headers?: Record<string, string>;
  /** One line shown next to the preset, e.g. other base URLs. */
  note?: string;
}
