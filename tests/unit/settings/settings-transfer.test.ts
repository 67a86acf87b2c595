import { describe, expect, it } from 'vitest';
import { SettingsSchema, type Settings } from '../../../shared/settings.js';
import { defaultSettings } from '../../../electron/main/core/store/settings-defaults.js';
import { exportSettings, importSettings } from '../../../electron/main/core/store/settings-transfer.js';

const settings: Settings = SettingsSchema.parse({
  providers: [
    { id: 'openai', kind: 'openai', apiKeyEnv: 'OPENAI_API_KEY' },
    { id: 'ollama', kind: 'ollama', baseURL: 'http://127.0.0.1:11434' },
  ],
  routes: { code: [{ provider: 'openai', model: 'gpt-4o-mini' }, { provider: 'ollama', model: 'llama3.2' }] },
  localFallback: { provider: 'ollama', model: 'llama3.2' },
});

describe('export', () => {
  it('round-trips through import unchanged', () => {
    const imported = importSettings(exportSettings(settings));
    expect(imported).toEqual({ ok: true, value: settings });
  });

  it('contains no key, even if one was smuggled into the settings object', () => {
    const withKey = {
      ...settings,
      providers: settings.providers.map((p) => ({ ...p, apiKey: 'sk-must-not-leave-1234567890' })),
      secretToken: 'sk-also-not-this-1234567890',
    } as Settings;
    const json = exportSettings(withKey);
    expect(json).not.toContain('must-not-leave');
    expect(json).not.toContain('also-not-this');
    expect(JSON.parse(json)).toEqual(JSON.parse(exportSettings(settings)));
  });
});

describe('import', () => {
  it('names the wrong field', () => {
    const result = importSettings(JSON.stringify({ version: 1, providers: [{ id: 'x', kind: 'openai' }, { id: 'y', kind: 'gemini' }] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('invalid');
    expect(result.error.field).toBe('providers[1].kind');
    expect(result.error.message).toMatch(/^providers\[1\]\.kind: /);
  });

  it('says when the text is not JSON', () => {
    const result = importSettings('{ providers: [] }');
    expect(result.ok ? undefined : result.error.kind).toBe('not_json');
    expect(result.ok ? '' : result.error.message).toMatch(/^not valid JSON \(/);
  });

  it('refuses a document with a key in it, naming where', () => {
    const result = importSettings(JSON.stringify({ version: 1, providers: [{ id: 'openai', kind: 'openai', apiKey: 'sk-in-import-1234567890' }] }));
    expect(result.ok ? undefined : result.error.kind).toBe('inline_key');
    expect(result.ok ? undefined : result.error.field).toBe('providers[0].apiKey');
    expect(result.ok ? '' : result.error.message).not.toContain('sk-in-import');
  });

  it('refuses a document from a newer version', () => {
    const result = importSettings(JSON.stringify({ ...defaultSettings(), version: 3 }));
    expect(result.ok ? undefined : result.error.kind).toBe('newer_version');
    expect(result.ok ? '' : result.error.message).toContain('settings version 3');
  });

  it('accepts an older-format document and converts it', () => {
    const result = importSettings(
      JSON.stringify({ providers: [{ id: 'ollama', kind: 'ollama' }], routes: { general: 'ollama:llama3.2:3b' } }),
    );
    expect(result.ok ? result.value.routes.general : undefined).toEqual([{ provider: 'ollama', model: 'llama3.2:3b' }]);
  });
});
