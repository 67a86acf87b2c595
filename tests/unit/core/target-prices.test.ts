import { describe, expect, it } from 'vitest';
import { targetPrices } from '../../../electron/main/core/target-prices.js';
import { SettingsSchema, type Settings } from '../../../shared/settings.js';

const withProvider = (preset: string): Settings =>
  SettingsSchema.parse({ providers: [{ id: 'main', kind: 'openai-compatible', preset, baseURL: 'http://127.0.0.1:9/v1', models: ['m'] }] });

describe('target prices', () => {
  it('prices from the catalog, and a local model costs nothing', () => {
    let settings = withProvider('openai');
    const price = targetPrices(() => settings);
    const mini = price('main', 'gpt-4o-mini');
    expect(mini?.inputUsdPerMTok).toBeGreaterThan(0);
    expect(mini?.contextWindow).toBeGreaterThan(0);
    // The longest answer to ask for comes from the model's catalog entry, not a fixed 4,096.
    expect(mini?.maxOutputTokens).toBe(16_384);
    expect(price('nobody', 'gpt-4o-mini')).toBeUndefined();
    settings = SettingsSchema.parse({ providers: [{ id: 'main', kind: 'ollama', baseURL: 'http://127.0.0.1:11434', models: ['llama3.2'] }] });
    expect(price('main', 'llama3.2')).toMatchObject({ inputUsdPerMTok: 0, outputUsdPerMTok: 0 });
  });

  it('answers from the settings in force after they change, not from a stale answer', () => {
    let settings = withProvider('openai');
    const price = targetPrices(() => settings);
    expect(price('main', 'gpt-4o-mini')).toBeDefined();
    settings = withProvider('groq');
    expect(price('main', 'gpt-4o-mini')).toBeUndefined();
  });
});
