import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings, SettingsInput } from '../../../shared/settings.js';
import { createConfBacking } from '../../../electron/main/core/store/settings-backing.js';
import { SettingsError } from '../../../electron/main/core/store/settings-error.js';
import { openSettingsStore } from '../../../electron/main/core/store/settings-store.js';
import { now, tempDataDir, type TempDir } from './fixtures/temp-settings.js';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDataDir();
});
afterEach(() => tmp.cleanup());

const open = () => openSettingsStore({ backing: createConfBacking(tmp.dir), now });

const withOpenAI: SettingsInput = {
  providers: [
    { id: 'openai', kind: 'openai', apiKeyEnv: 'OPENAI_API_KEY' },
    { id: 'ollama', kind: 'ollama', baseURL: 'http://127.0.0.1:11434' },
  ],
  routes: { code: [{ provider: 'openai', model: 'gpt-4o-mini' }] },
  localFallback: { provider: 'ollama', model: 'llama3.2' },
};

function thrown(fn: () => unknown): SettingsError {
  try {
    fn();
  } catch (error) {
    if (SettingsError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('updating settings', () => {
  it('saves to settings.json, tells listeners, and a restart sees the change', async () => {
    const store = await open();
    const seen: Array<[Settings, Settings]> = [];
    const off = store.onChange((next, previous) => seen.push([next, previous]));
    const saved = store.update(withOpenAI);

    expect(saved.routes.code).toEqual([{ provider: 'openai', model: 'gpt-4o-mini' }]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.[1].providers.map((p) => p.id)).toEqual(['ollama']);
    expect((await open()).get()).toEqual(saved);

    off();
    store.update({ ...withOpenAI, routes: {} });
    expect(seen).toHaveLength(1);
  });

  it('refuses an invalid update, naming the field, and keeps what was there', async () => {
    const store = await open();
    const before = store.get();
    const listener: Settings[] = [];
    store.onChange((next) => listener.push(next));
    const error = thrown(() =>
      store.update({ ...withOpenAI, providers: [{ id: 'openai', kind: 'openai', baseURL: 'not a url' }] }),
    );
    expect(error.kind).toBe('invalid');
    expect(error.field).toBe('providers[0].baseURL');
    expect(error.message).toContain('providers[0].baseURL: must be a full http(s) URL');
    expect(store.get()).toEqual(before);
    expect(listener).toEqual([]);
  });

  it('refuses a route to a provider that does not exist', async () => {
    const store = await open();
    const error = thrown(() => store.update({ ...withOpenAI, routes: { code: [{ provider: 'nope', model: 'x' }] } }));
    expect(error.field).toBe('routes.code[0]');
    expect(error.message).toBe('routes.code[0]: no provider with id "nope"');
  });

  it('never writes a key, even when one is smuggled into an update', async () => {
    const store = await open();
    const smuggled = {
      ...withOpenAI,
      providers: [{ id: 'openai', kind: 'openai', apiKey: 'sk-smuggled-into-update-1234' }, withOpenAI.providers?.[1]],
    } as SettingsInput;
    store.update(smuggled);
    expect(tmp.read()).not.toContain('smuggled');
    expect(JSON.stringify(store.get())).not.toContain('smuggled');
  });
});
