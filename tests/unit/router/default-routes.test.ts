import { describe, expect, it } from 'vitest';
import { buildDefaultRoutes } from '../../../electron/main/core/router/default-routes.js';
import { harness, ok } from './fakes.js';
import { SettingsSchema } from '../../../shared/settings.js';

const providers = [
  { id: 'openai', preset: 'openai', kind: 'openai' as const, models: ['gpt-4.1', 'gpt-4.1-mini'] },
  { id: 'claude', preset: 'anthropic', kind: 'anthropic' as const, models: ['claude-sonnet-4', 'claude-haiku-4'] },
  { id: 'groq', preset: 'groq', kind: 'openai-compatible' as const, models: ['llama-3.1-8b-instant', 'llama-3.3-70b'] },
  { id: 'gemini', preset: 'gemini', kind: 'openai-compatible' as const, models: ['gemini-2.5-pro', 'gemini-2.5-flash'] },
  { id: 'ollama', kind: 'ollama' as const, models: ['llama3.2'] },
];

describe('default routes from the keys the user has', () => {
  const routes = buildDefaultRoutes(providers, { provider: 'ollama', model: 'llama3.2' });
  const first = (task: string) => routes[task]?.[0];

  it('puts the provider known for each task first, with a suitable model', () => {
    expect(first('realtime')).toEqual({ provider: 'groq', model: 'llama-3.1-8b-instant' });
    expect(first('code')).toEqual({ provider: 'claude', model: 'claude-sonnet-4' });
    expect(first('cheap')).toEqual({ provider: 'groq', model: 'llama-3.1-8b-instant' });
    expect(first('long-context')).toEqual({ provider: 'gemini', model: 'gemini-2.5-pro' });
    expect(first('multilingual')?.provider).toBe('openai');
    expect(routes.cheap?.map((t) => t.provider)).toEqual(['groq', 'gemini', 'openai', 'claude']);
  });

  it('uses every cloud key in every route and leaves the local model to the implicit fallback', () => {
    for (const targets of Object.values(routes)) {
      expect(new Set(targets.map((t) => t.provider))).toEqual(new Set(['openai', 'claude', 'groq', 'gemini']));
    }
  });

  it('builds nothing but the local fallback from no keys', () => {
    expect(buildDefaultRoutes([providers[4]!], { provider: 'ollama', model: 'llama3.2' })).toEqual({});
  });

  it('a task type without a route uses general’s; with no routes at all, the defaults apply', async () => {
    const settings = SettingsSchema.parse({
      providers: [
        { id: 'a', kind: 'openai-compatible', models: ['a1'] },
        { id: 'local', kind: 'ollama', models: ['llama3.2'] },
      ],
      routes: {},
      localFallback: { provider: 'local', model: 'llama3.2' },
    });
    const h = harness({ settings, scripts: { a: [ok('A')], local: [ok('L')] } });
    expect((await h.send('hi', { taskChoice: 'creative' })).provider).toBe('a');
    h.settings = { ...settings, routes: { general: [{ provider: 'a', model: 'a1' }] } };
    const my = await h.send('hi', { taskChoice: 'my-own-type' });
    expect(my.provider).toBe('a');
    expect(my.trace.taskType).toBe('my-own-type');
  });
});
