import { describe, expect, it } from 'vitest';
import { createProviderPool } from '../../../electron/main/core/provider-pool.js';
import type { KeyResolver } from '../../../electron/main/core/secrets/key-resolver.js';
import { SettingsSchema, type Settings } from '../../../shared/settings.js';

const keys: KeyResolver = {
  resolve: async (p) => ({ provider: p.id, source: 'env', key: 'sk-test' }),
  status: async (p) => ({ provider: p.id, source: 'env' }),
};

const withPreset = (preset: string): Settings =>
  SettingsSchema.parse({
    providers: [{ id: 'gateway', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:4000/v1', preset, models: ['m'] }],
  });

describe('provider pool adapters', () => {
  it('keeps the adapter while its configuration holds, and rebuilds it when the preset changes', async () => {
    let settings = withPreset('groq');
    const pool = createProviderPool({ settings: () => settings, keys });
    await pool.refresh();
    const first = pool.adapter('gateway');
    settings = withPreset('groq');
    expect(pool.adapter('gateway')).toBe(first);
    settings = withPreset('mistral');
    const second = pool.adapter('gateway');
    expect(second).not.toBe(first);
    // Mistral's quirks came with it.
    expect('continuation' in second && second.continuation).toBe('prefix-flag');
  });
});
