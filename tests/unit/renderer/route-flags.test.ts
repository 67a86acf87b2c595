import { describe, expect, it } from 'vitest';
import type { ProviderView } from '../../../shared/providers.js';
import { flagTarget } from '../../../renderer/src/store/route-flags.js';
import { moveItem } from '../../../renderer/src/lib/arrays.js';

const view = (id: string, enabled: boolean, models: string[]): ProviderView => ({
  id,
  kind: 'openai-compatible',
  name: id,
  baseURL: 'http://127.0.0.1:1',
  enabled,
  models,
  key: { provider: id, source: 'none' },
});

describe('route target flags', () => {
  const providers = [view('openai', true, ['gpt-4o']), view('groq', false, ['llama']), view('custom', true, [])];

  it('flags a provider that no longer exists', () => {
    expect(flagTarget({ provider: 'gone', model: 'x' }, providers)).toEqual(['unknown provider']);
  });

  it('flags a disabled provider and an unlisted model together', () => {
    expect(flagTarget({ provider: 'groq', model: 'mixtral' }, providers)).toEqual(['provider disabled', 'model not listed']);
  });

  it('accepts a model found only in the live list, and flags nothing when no list is known', () => {
    expect(flagTarget({ provider: 'openai', model: 'gpt-5' }, providers)).toEqual(['model not listed']);
    expect(flagTarget({ provider: 'openai', model: 'gpt-5' }, providers, { openai: ['gpt-5'] })).toEqual([]);
    expect(flagTarget({ provider: 'custom', model: 'anything' }, providers)).toEqual([]);
  });
});

describe('helpers', () => {
  it('moves a target up and down without losing any', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
  });
});
