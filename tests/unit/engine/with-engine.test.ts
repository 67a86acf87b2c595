import { describe, expect, it } from 'vitest';
import { withEngine } from '../../../electron/main/core/engine/with-engine.js';
import { SettingsSchema } from '../../../shared/settings.js';

const base = SettingsSchema.parse({
  providers: [{ id: 'ollama', kind: 'ollama' }],
  localFallback: { provider: 'ollama', model: 'llama3.2' },
});

describe('the engine joins the chain once a model is installed', () => {
  it('adds nothing while no model is installed', () => {
    expect(withEngine(base, [])).toBe(base);
  });
  it('adds the engine after the Ollama fallback with the first installed model', () => {
    const next = withEngine(base, ['a.gguf', 'b.gguf']);
    expect(next.providers.map((p) => [p.id, p.kind])).toEqual([['ollama', 'ollama'], ['engine', 'engine']]);
    expect(next.engineFallback).toEqual({ provider: 'engine', model: 'a.gguf' });
    expect(next.localFallback).toEqual(base.localFallback);
  });
  it('keeps the engine set up by the user, disabled or with a model of their choosing', () => {
    const own = SettingsSchema.parse({ ...base, providers: [...base.providers, { id: 'mine', kind: 'engine', enabled: false, models: ['b.gguf'] }] });
    const next = withEngine(own, ['a.gguf', 'b.gguf']);
    expect(next.providers).toEqual(own.providers);
    expect(next.engineFallback).toEqual({ provider: 'mine', model: 'b.gguf' });
  });
});
