/**
 * Price and context window per model, offline: the user's per-model overrides,
 * over the extract of a maintained price list (genai-prices), over the catalog's
 * own pinned prices for models that list lacks. Local models cost $0; a model
 * nobody knows the price of has no price (the UI says "unknown"), and its cost
 * counts as $0. Every price says where it came from, for the attempt's record.
 */
import type { Usage } from '../../../../../shared/chat.js';
import type { ModelInfo } from '../../../../../shared/providers.js';
import { resolvePreset } from '../catalog/catalog.js';
import type { ModelPrice, PresetModel, ProviderPreset } from '../../../../../shared/catalog/preset-types.js';
import { datasetModel, PRICE_DATASET_VERSION } from './dataset-price.js';

/** Where a price came from: the dataset's version, `override`, `catalog` (pinned here) or `free`. */
export interface SourcedPrice extends ModelPrice {
  version: string;
}

export interface ModelOverride {
  inputUsdPerMTok?: number;
  outputUsdPerMTok?: number;
  contextWindow?: number;
}

/** Keyed by `presetId/model` (wins) or by bare model id. */
export type ModelOverrides = Readonly<Record<string, ModelOverride>>;

const FREE: ModelPrice = { inputUsdPerMTok: 0, outputUsdPerMTok: 0 };

type PresetRef = ProviderPreset | string | undefined;

function presetOf(ref: PresetRef): ProviderPreset | undefined {
  return typeof ref === 'string' ? resolvePreset(ref) : ref;
}

/** Exact id, else the longest catalog id the live id extends (`gpt-4o-mini-2024-07-18` → `gpt-4o-mini`). */
function findModel(preset: ProviderPreset | undefined, model: string): PresetModel | undefined {
  if (!preset) return undefined;
  const exact = preset.models.find((m) => m.id === model);
  if (exact) return exact;
  return preset.models
    .filter((m) => model.startsWith(`${m.id}-`) || model.startsWith(`${m.id}:`))
    .sort((a, b) => b.id.length - a.id.length)[0];
}

function overrideFor(preset: ProviderPreset | undefined, model: string, overrides?: ModelOverrides, providerId?: string): ModelOverride | undefined {
  if (!overrides) return undefined;
  return (
    (providerId ? overrides[`${providerId}/${model}`] : undefined) ??
    (preset ? overrides[`${preset.id}/${model}`] : undefined) ??
    overrides[model]
  );
}

function basePrice(preset: ProviderPreset | undefined, model: string): SourcedPrice | undefined {
  const listed = datasetModel(preset?.id, model);
  if (listed) return { inputUsdPerMTok: listed.in, outputUsdPerMTok: listed.out, version: PRICE_DATASET_VERSION };
  const entry = findModel(preset, model);
  if (entry && typeof entry.price === 'object') return { ...entry.price, version: 'catalog' };
  return undefined;
}

/** The price and its source; overrides keyed by `providerId/model`, `presetId/model` or bare model id. */
export function sourcedPriceFor(presetRef: PresetRef, model: string, overrides?: ModelOverrides, providerId?: string): SourcedPrice | undefined {
  const preset = presetOf(presetRef);
  const override = overrideFor(preset, model, overrides, providerId);
  // Free first: an OpenRouter `:free` variant is free whatever its paid twin costs.
  const free = findModel(preset, model)?.price === 'free' || preset?.local || preset?.kind === 'ollama' || model.endsWith(':free');
  const base = free ? { ...FREE, version: 'free' } : basePrice(preset, model);
  if (override?.inputUsdPerMTok !== undefined || override?.outputUsdPerMTok !== undefined) {
    return {
      inputUsdPerMTok: override.inputUsdPerMTok ?? base?.inputUsdPerMTok ?? 0,
      outputUsdPerMTok: override.outputUsdPerMTok ?? base?.outputUsdPerMTok ?? 0,
      version: 'override',
    };
  }
  return base;
}

export function priceFor(presetRef: PresetRef, model: string, overrides?: ModelOverrides): ModelPrice | undefined {
  const sourced = sourcedPriceFor(presetRef, model, overrides);
  return sourced ? { inputUsdPerMTok: sourced.inputUsdPerMTok, outputUsdPerMTok: sourced.outputUsdPerMTok } : undefined;
}

/** USD for one attempt from the usage the provider reported; $0 when price or usage is unknown. */
export function costUsd(price: ModelPrice | undefined, usage: Usage | undefined): number {
  if (!price || !usage) return 0;
  return (usage.inputTokens * price.inputUsdPerMTok + usage.outputTokens * price.outputUsdPerMTok) / 1_000_000;
}

export function contextWindowFor(presetRef: PresetRef, model: string, overrides?: ModelOverrides, providerId?: string): number | undefined {
  const preset = presetOf(presetRef);
  return (
    overrideFor(preset, model, overrides, providerId)?.contextWindow ??
    findModel(preset, model)?.contextWindow ??
    datasetModel(preset?.id, model)?.ctx
  );
}

export function maxOutputTokensFor(presetRef: PresetRef, model: string): number | undefined {
  return findModel(presetOf(presetRef), model)?.maxOutputTokens;
}

export function modelInfoFor(presetRef: PresetRef, id: string, overrides?: ModelOverrides, providerId?: string): ModelInfo {
  const price = sourcedPriceFor(presetRef, id, overrides, providerId);
  const contextWindow = contextWindowFor(presetRef, id, overrides, providerId);
  const info: ModelInfo = { id };
  if (contextWindow !== undefined) info.contextWindow = contextWindow;
  if (price) {
    info.inputUsdPerMTok = price.inputUsdPerMTok;
    info.outputUsdPerMTok = price.outputUsdPerMTok;
  }
  return info;
}

/** A listed model with the user's override laid over it, so a model list shows the prices that will be charged. */
export function withOverride(info: ModelInfo, presetRef: PresetRef, overrides: ModelOverrides | undefined, providerId: string): ModelInfo {
  if (!overrideFor(presetOf(presetRef), info.id, overrides, providerId)) return info;
  return { ...info, ...modelInfoFor(presetRef, info.id, overrides, providerId) };
}
