/**
 * The shape of the committed price extract (model-prices.data.ts), written by
 * scripts/extract-prices.mjs from a maintained source. Prices are USD per
 * million tokens; `match` is the source's own rule for which model ids an entry
 * prices (compared without regard to case).
 */
export type MatchRule =
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string }
  | { or: MatchRule[] }
  | { and: MatchRule[] };

export interface DatasetModel {
  id: string;
  match: MatchRule;
  in: number;
  out: number;
  cacheRead?: number;
  cacheWrite?: number;
  ctx?: number;
}

export interface PriceDataset {
  /** Recorded on each attempt costed with it, e.g. `genai-prices@0.1.8`. */
  version: string;
  extractedAt: string;
  /** Switchboard preset id → the source's provider id. */
  presets: Record<string, string>;
  sources: Record<string, { models: DatasetModel[]; fallback?: string[] }>;
}
