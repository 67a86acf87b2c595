/**
 * Prices from the committed extract of a maintained price list (genai-prices):
 * the entry whose own match rule takes the live model id, on the source provider
 * the preset maps to. Offline by construction; refreshed by scripts/extract-prices.mjs.
 */
import { MODEL_PRICES } from '../../../../../shared/catalog/model-prices.data.js';
import type { DatasetModel, MatchRule, PriceDataset } from '../../../../../shared/catalog/price-dataset-types.js';

export const PRICE_DATASET_VERSION = MODEL_PRICES.version;

function matches(rule: MatchRule, id: string): boolean {
  if ('or' in rule) return rule.or.some((r) => matches(r, id));
  if ('and' in rule) return rule.and.every((r) => matches(r, id));
  if ('equals' in rule) return id === rule.equals.toLowerCase();
  if ('starts_with' in rule) return id.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return id.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return id.includes(rule.contains.toLowerCase());
  try {
    return new RegExp(rule.regex, 'i').test(id);
  } catch {
    return false;
  }
}

/** `claude-sonnet-4-20250514` is also tried as `claude-sonnet-4-2025-05-14`, as the source's own lookup does. */
function dashedDates(id: string): string {
  return id.replace(/-(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g, '-$1-$2-$3');
}

function findIn(dataset: PriceDataset, sourceId: string, id: string, seen = new Set<string>()): DatasetModel | undefined {
  const source = dataset.sources[sourceId];
  if (!source || seen.has(sourceId)) return undefined;
  seen.add(sourceId);
  const hit = source.models.find((m) => matches(m.match, id));
  if (hit) return hit;
  for (const fallback of source.fallback ?? []) {
    const found = findIn(dataset, fallback, id, seen);
    if (found) return found;
  }
  return undefined;
}

/** The dataset's entry for a preset's model, or undefined when the source does not list it. */
export function datasetModel(presetId: string | undefined, model: string, dataset: PriceDataset = MODEL_PRICES): DatasetModel | undefined {
  const sourceId = presetId === undefined ? undefined : dataset.presets[presetId];
  if (!sourceId) return undefined;
  const id = model.trim().toLowerCase();
  const found = findIn(dataset, sourceId, id);
  if (found) return found;
  const dashed = dashedDates(id);
  return dashed === id ? undefined : findIn(dataset, sourceId, dashed);
}
