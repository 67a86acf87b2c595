import { describe, expect, it } from 'vitest';
import { splitHealth } from '../../../renderer/src/lib/health-order.js';
import type { ProviderHealth } from '../../../shared/providers.js';
import { EMPTY_FIGURES } from './health-fixture.js';

const row = (provider: string, state: ProviderHealth['state']): ProviderHealth => ({
  provider,
  name: provider,
  state,
  breaker: 'closed',
  ...EMPTY_FIGURES,
});

describe('health panel order', () => {
  it('puts failing providers first, the ones turned off last, and tucks away the ones not set up', () => {
    const { active, idle } = splitHealth([row('groq', 'no_key'), row('openai', 'healthy'), row('ollama', 'down'), row('x', 'disabled'), row('claude', 'degraded')]);
    expect(active.map((r) => r.provider)).toEqual(['ollama', 'claude', 'openai', 'x']);
    expect(idle.map((r) => r.provider)).toEqual(['groq']);
  });
});
