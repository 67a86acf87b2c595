import { describe, expect, test } from 'vitest';
import { resolvePreset } from '../../../electron/main/core/providers/catalog/catalog.js';
import { contextWindowFor, costUsd, modelInfoFor, priceFor } from '../../../electron/main/core/providers/pricing/pricing.js';

describe('priceFor', () => {
  test('the pinned price of a catalog model', () => {
    expect(priceFor(resolvePreset('openai'), 'gpt-4o-mini')).toEqual({ inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 });
    expect(priceFor('anthropic', 'claude-haiku-4-5')).toEqual({ inputUsdPerMTok: 1, outputUsdPerMTok: 5 });
  });
  test('a dated snapshot id gets its family’s price', () => {
    expect(priceFor('openai', 'gpt-4o-mini-2024-07-18')).toEqual({ inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 });
  });
  test('local models cost nothing, even ones the catalog never heard of', () => {
    expect(priceFor('ollama', 'llama3.2:latest')).toEqual({ inputUsdPerMTok: 0, outputUsdPerMTok: 0 });
    expect(priceFor('lmstudio', 'qwen3-8b')).toEqual({ inputUsdPerMTok: 0, outputUsdPerMTok: 0 });
    expect(priceFor('openrouter', 'meta-llama/llama-3.3-70b-instruct:free')).toEqual({ inputUsdPerMTok: 0, outputUsdPerMTok: 0 });
  });
  test('an unknown cloud model has no price', () => {
    expect(priceFor('openai', 'gpt-9-ultra')).toBeUndefined();
    expect(priceFor('huggingface', 'meta-llama/Llama-3.1-8B-Instruct')).toBeUndefined();
    expect(priceFor(undefined, 'anything')).toBeUndefined();
  });
  test('overrides win, by preset/model first, then by model', () => {
    const overrides = { 'openai/gpt-4o-mini': { inputUsdPerMTok: 1 }, 'gpt-4o': { inputUsdPerMTok: 2, outputUsdPerMTok: 3 } };
    expect(priceFor('openai', 'gpt-4o-mini', overrides)).toEqual({ inputUsdPerMTok: 1, outputUsdPerMTok: 0.6 });
    expect(priceFor('openai', 'gpt-4o', overrides)).toEqual({ inputUsdPerMTok: 2, outputUsdPerMTok: 3 });
    expect(priceFor('huggingface', 'gpt-4o', overrides)).toEqual({ inputUsdPerMTok: 2, outputUsdPerMTok: 3 });
  });
});

describe('costUsd', () => {
  test('per million tokens, input and output apart', () => {
    expect(costUsd({ inputUsdPerMTok: 3, outputUsdPerMTok: 15 }, { inputTokens: 1000, outputTokens: 2000 })).toBeCloseTo(0.033, 10);
  });
  test('nothing known, nothing charged', () => {
    expect(costUsd(undefined, { inputTokens: 1000, outputTokens: 1000 })).toBe(0);
    expect(costUsd({ inputUsdPerMTok: 3, outputUsdPerMTok: 15 }, undefined)).toBe(0);
  });
});

describe('context windows', () => {
  test('from the table, overridable', () => {
    expect(contextWindowFor('anthropic', 'claude-sonnet-4-6')).toBe(200_000);
    expect(contextWindowFor('openai', 'gpt-4o', { 'gpt-4o': { contextWindow: 64_000 } })).toBe(64_000);
    expect(contextWindowFor('openai', 'gpt-9')).toBeUndefined();
  });
  test('model info joins both', () => {
    expect(modelInfoFor('groq', 'llama-3.1-8b-instant')).toEqual({ id: 'llama-3.1-8b-instant', contextWindow: 131_072, inputUsdPerMTok: 0.05, outputUsdPerMTok: 0.08 });
    expect(modelInfoFor('openai', 'gpt-9')).toEqual({ id: 'gpt-9' });
  });
});
