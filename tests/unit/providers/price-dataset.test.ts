/** Prices come from the committed extract of genai-prices; the user's overrides win; each price names its source. */
import { describe, expect, it } from 'vitest';
import { datasetModel } from '../../../electron/main/core/providers/pricing/dataset-price.js';
import { sourcedPriceFor, withOverride } from '../../../electron/main/core/providers/pricing/pricing.js';
import { targetPrices } from '../../../electron/main/core/target-prices.js';
import { MODEL_PRICES } from '../../../shared/catalog/model-prices.data.js';
import type { PriceDataset } from '../../../shared/catalog/price-dataset-types.js';
import { SettingsSchema } from '../../../shared/settings.js';
import { CLOUD_PRESETS } from '../../../shared/catalog/presets-cloud.js';

const VERSION = MODEL_PRICES.version;

describe('prices from the maintained dataset', () => {
  it('prices a model the hand-written catalog never listed, and says which list it came from', () => {
    expect(VERSION).toMatch(/^genai-prices@\d+\.\d+\.\d+$/);
    const nano = sourcedPriceFor('openai', 'gpt-4.1-nano');
    expect(nano?.version).toBe(VERSION);
    expect(nano?.inputUsdPerMTok).toBeGreaterThan(0);
  });

  it("follows the source's own match rules: dated snapshots, either date spelling, any case", () => {
    const family = sourcedPriceFor('anthropic', 'claude-3-5-haiku-latest');
    expect(family?.version).toBe(VERSION);
    expect(sourcedPriceFor('anthropic', 'claude-3-5-haiku-20241022')).toEqual(family);
    expect(sourcedPriceFor('openai', 'GPT-4o-mini')).toEqual(sourcedPriceFor('openai', 'gpt-4o-mini'));
  });

  it('covers the default model of every preset it maps but one, so the pinned table is only a fallback', () => {
    const unpriced = CLOUD_PRESETS.filter((p) => MODEL_PRICES.presets[p.id] !== undefined)
      .flatMap((p) => p.models.filter((m) => typeof m.price === 'object').slice(0, 1).map((m) => [p.id, m.id] as const))
      .filter(([preset, model]) => sourcedPriceFor(preset, model)?.version !== VERSION);
    // genai-prices no longer lists Fireworks' Llama 3.3 70B; the catalog's pinned price still applies to it.
    expect(unpriced).toEqual([['fireworks', 'accounts/fireworks/models/llama-v3p3-70b-instruct']]);
    expect(sourcedPriceFor('fireworks', 'accounts/fireworks/models/llama-v3p3-70b-instruct')?.version).toBe('catalog');
  });

  it('falls back to the catalog for a host the dataset lacks, and free stays free', () => {
    expect(sourcedPriceFor('zhipu', 'glm-4.6')?.version).toBe('catalog');
    expect(sourcedPriceFor('openrouter', 'meta-llama/llama-3.3-70b-instruct:free')).toEqual({ inputUsdPerMTok: 0, outputUsdPerMTok: 0, version: 'free' });
    expect(sourcedPriceFor('ollama', 'llama3.2')?.version).toBe('free');
  });

  it('a refreshed dataset changes the price without a code change', () => {
    const refreshed: PriceDataset = {
      version: 'genai-prices@9.9.9',
      extractedAt: '2027-01-01',
      presets: { openai: 'openai' },
      sources: { openai: { models: [{ id: 'gpt-x', match: { starts_with: 'gpt-x' }, in: 7, out: 9 }] } },
    };
    expect(datasetModel('openai', 'gpt-x-2027-01-01', refreshed)).toMatchObject({ in: 7, out: 9 });
    expect(datasetModel('openai', 'gpt-4o-mini', refreshed)).toBeUndefined();
  });
});

describe("the user's per-model overrides", () => {
  const settings = SettingsSchema.parse({
    providers: [
      { id: 'work', kind: 'openai', preset: 'openai', models: ['gpt-4o-mini'] },
      { id: 'home', kind: 'openai', preset: 'openai', models: ['gpt-4o-mini'] },
    ],
    modelOverrides: { 'work/gpt-4o-mini': { inputUsdPerMTok: 0.05 }, 'gpt-4.1-nano': { inputUsdPerMTok: 1, outputUsdPerMTok: 2 } },
  });
  const price = targetPrices(() => settings);

  it('win over the dataset for the provider they name, keeping the dataset for the rest', () => {
    const listed = sourcedPriceFor('openai', 'gpt-4o-mini');
    expect(price('work', 'gpt-4o-mini')).toMatchObject({ inputUsdPerMTok: 0.05, outputUsdPerMTok: listed?.outputUsdPerMTok, version: 'override' });
    expect(price('home', 'gpt-4o-mini')).toMatchObject({ inputUsdPerMTok: listed?.inputUsdPerMTok, version: VERSION });
    expect(price('home', 'gpt-4.1-nano')).toMatchObject({ inputUsdPerMTok: 1, outputUsdPerMTok: 2, version: 'override' });
  });

  it('are refused in words when they make no sense', () => {
    const bad = SettingsSchema.safeParse({ modelOverrides: { 'gpt-4o': { inputUsdPerMTok: -1 } } });
    expect(bad.success).toBe(false);
  });
});

describe('model lists', () => {
  it("show the user's price where an override names the model, and the list's elsewhere", () => {
    const overrides = { 'work/gpt-4o-mini': { inputUsdPerMTok: 0.05 } };
    const listed = { id: 'gpt-4o-mini', inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6, contextWindow: 128_000 };
    expect(withOverride(listed, 'openai', overrides, 'work')).toMatchObject({ id: 'gpt-4o-mini', inputUsdPerMTok: 0.05, outputUsdPerMTok: 0.6, contextWindow: 128_000 });
    expect(withOverride(listed, 'openai', overrides, 'home')).toBe(listed);
  });
});
