import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsError } from '../../../electron/main/core/store/settings-error.js';
import { openOverrideSettings } from '../../../electron/main/core/store/settings-override.js';
import { tempDataDir, type TempDir } from './fixtures/temp-settings.js';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDataDir();
});
afterEach(() => tmp.cleanup());

function errorOf(file: string): SettingsError {
  const result = openOverrideSettings(file);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('--config FILE', () => {
  it('loads a valid file read-only', () => {
    tmp.write({ version: 1, providers: [{ id: 'ollama', kind: 'ollama' }], localFallback: { provider: 'ollama', model: 'llama3.2' } });
    const result = openOverrideSettings(tmp.file);
    if (!result.ok) throw result.error;
    const store = result.value;
    expect(store.readOnly).toBe(true);
    expect(store.get().providers.map((p) => p.id)).toEqual(['ollama']);
    let error: unknown;
    try {
      store.update(store.get());
    } catch (e) {
      error = e;
    }
    expect(SettingsError.is(error) && error.kind).toBe('read_only');
  });

  it('reports an invalid field in one line naming file and field, and leaves the file alone', () => {
    const text = JSON.stringify({ version: 1, providers: [{ id: 'openai', kind: 'openai', baseURL: 'api.openai.com' }] });
    tmp.write(text);
    const error = errorOf(tmp.file);
    expect(error.kind).toBe('invalid');
    expect(error.field).toBe('providers[0].baseURL');
    expect(error.message).toBe(`${tmp.file}: providers[0].baseURL: must be a full http(s) URL such as http://127.0.0.1:11434`);
    expect(error.message).not.toContain('\n');
    expect(tmp.read()).toBe(text);
    expect(tmp.files()).toEqual(['settings.json']);
  });

  it('reports a route to a missing provider as an error, not a warning', () => {
    tmp.write({ version: 1, providers: [], routes: { code: [{ provider: 'openai', model: 'gpt-4o' }] } });
    expect(errorOf(tmp.file).message).toBe(`${tmp.file}: routes.code[0]: no provider with id "openai"`);
  });

  it('reports a missing file and a file that is not JSON', () => {
    expect(errorOf(`${tmp.file}.nope`).message).toBe(`${tmp.file}.nope: no such file`);
    tmp.write('providers = []');
    const error = errorOf(tmp.file);
    expect(error.kind).toBe('not_json');
    expect(error.message.startsWith(`${tmp.file}: not valid JSON (`)).toBe(true);
  });

  it('refuses a file holding a key instead of copying it anywhere', () => {
    tmp.write({ providers: [{ id: 'openai', kind: 'openai', apiKey: 'sk-config-file-key-123456' }] });
    const error = errorOf(tmp.file);
    expect(error.kind).toBe('inline_key');
    expect(error.field).toBe('providers[0].apiKey');
    expect(error.message).not.toContain('sk-config');
  });

  it('converts an older-format file in memory without touching it', () => {
    const text = JSON.stringify({ providers: [{ id: 'ollama', kind: 'ollama' }], localFallback: 'ollama:llama3.2' });
    tmp.write(text);
    const result = openOverrideSettings(tmp.file);
    if (!result.ok) throw result.error;
    expect(result.value.get().localFallback).toEqual({ provider: 'ollama', model: 'llama3.2' });
    expect(result.value.notices.map((n) => n.id)).toEqual(['settings.override-migrated']);
    expect(tmp.read()).toBe(text);
  });

  it('refuses a file from a newer version', () => {
    tmp.write({ version: 9, providers: [] });
    expect(errorOf(tmp.file).kind).toBe('newer_version');
  });
});
