import { describe, expect, it } from 'vitest';
import { splitHealth } from '../../../renderer/src/lib/health-order.js';
import type { ProviderHealth } from '../../../shared/providers.js';

const row = (provider: string, state: ProviderHealth['state']): ProviderHealth => ({
  provider,
  name: provider,
  state,
  breaker: 'closed',
  recentRequests: 0,
  recentFailures: 0,
});

describe('health panel order', () => {
  it('puts failing providers first and tucks away the ones not set up', () => {
    const { active, idle } = splitHealth([row('groq', 'no_key'), row('openai', 'ok'), row('ollama', 'down'), row('x', 'disabled'), row('claude', 'degraded')]);
    expect(active.map((r) => r.provider)).toEqual(['ollama', 'claude', 'openai']);
    expect(idle.map((r) => r.provider)).toEqual(['groq', 'x']);
  });
});
