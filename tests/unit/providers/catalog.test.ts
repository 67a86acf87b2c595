import { describe, expect, test } from 'vitest';
import { defaultModelsOf, listPresets, presetForProvider, resolvePreset } from '../../../electron/main/core/providers/catalog/catalog.js';
import { ProviderKindSchema } from '../../../shared/settings.js';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const REQUIRED = ['openai', 'anthropic', 'groq', 'deepseek', 'together', 'mistral', 'openrouter', 'gemini', 'xai', 'zhipu', 'cohere', 'huggingface', 'fireworks', 'perplexity', 'ollama', 'custom'];

describe('catalog contract: every preset', () => {
  const presets = listPresets();

  test('ids are unique and settings-safe', () => {
    const ids = presets.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9._-]{0,63}$/);
  });

  test('covers every host the app promises', () => {
    for (const id of REQUIRED) expect(resolvePreset(id), id).toBeDefined();
  });

  test.each(presets.map((p) => [p.id, p] as const))('%s is well formed', (_id, preset) => {
    expect(ProviderKindSchema.safeParse(preset.kind).success).toBe(true);
    expect(preset.name.trim()).not.toBe('');
    const url = new URL(preset.baseURL);
    if (LOCAL_HOSTS.has(url.hostname)) expect(url.protocol).toMatch(/^https?:$/);
    else expect(url.protocol).toBe('https:');
    for (const name of preset.keyEnvVars) expect(name).toMatch(/^[A-Z_][A-Z0-9_]*$/);
    if (!preset.local && !LOCAL_HOSTS.has(url.hostname)) expect(preset.keyEnvVars.length).toBeGreaterThan(0);
    expect(preset.models.length).toBeGreaterThan(0);
    expect(new Set(defaultModelsOf(preset)).size).toBe(preset.models.length);
    for (const cap of ['vision', 'tools', 'longContext'] as const) expect(typeof preset.capabilities[cap]).toBe('boolean');
    for (const model of preset.models) {
      expect(model.id.trim()).not.toBe('');
      if (typeof model.price === 'object') {
        expect(Number.isFinite(model.price.inputUsdPerMTok) && model.price.inputUsdPerMTok >= 0).toBe(true);
        expect(Number.isFinite(model.price.outputUsdPerMTok) && model.price.outputUsdPerMTok >= 0).toBe(true);
        // A per-token price typed in by mistake would be absurdly small.
        expect(model.price.inputUsdPerMTok + model.price.outputUsdPerMTok).toSatisfy((n: number) => n === 0 || n > 0.001);
      } else {
        expect(['free', 'unknown']).toContain(model.price);
      }
      if (model.contextWindow !== undefined) expect(Number.isInteger(model.contextWindow) && model.contextWindow >= 1024).toBe(true);
    }
    if (preset.headers) for (const [k, v] of Object.entries(preset.headers)) expect(k && typeof v === 'string').toBeTruthy();
  });
});

describe('quirks are data', () => {
  test('Cohere skips stream_options, Zhipu wants max_tokens, Groq reports usage in x_groq', () => {
    expect(resolvePreset('cohere')?.quirks?.noStreamOptions).toBe(true);
    expect(resolvePreset('zhipu')?.quirks?.maxTokensField).toBe('max_tokens');
    expect(resolvePreset('groq')?.quirks?.usageInXGroq).toBe(true);
  });
});

describe('finding the preset behind a configured provider', () => {
  test('by its named preset, by id, or by host', () => {
    expect(presetForProvider({ id: 'work', preset: 'mistral' })?.id).toBe('mistral');
    expect(presetForProvider({ id: 'groq' })?.id).toBe('groq');
    expect(presetForProvider({ id: 'my-groq', baseURL: 'https://api.groq.com/openai/v1/' })?.id).toBe('groq');
    expect(presetForProvider({ id: 'mine', baseURL: 'http://10.0.0.5:8000/v1' })).toBeUndefined();
  });
});
